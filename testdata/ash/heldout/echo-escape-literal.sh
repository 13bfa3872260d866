#!/bin/bash
echo "path\tname"
