#!/bin/bash
mkdir -p a b
touch a/target
ln -sr a/target b/link
readlink b/link
