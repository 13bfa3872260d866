#!/bin/bash
url=http://example.org/path
echo "${url/#http:/https:}"
