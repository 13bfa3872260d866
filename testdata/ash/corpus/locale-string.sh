#!/bin/sh
echo $"Hello, operator"
