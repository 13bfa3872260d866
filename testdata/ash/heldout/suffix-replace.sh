#!/bin/bash
f=photo.jpeg
echo "${f/%jpeg/jpg}"
