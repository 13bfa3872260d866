#!/bin/sh
mkdir -p d; echo x > d/f
tar -cf d.tar d
tar -tf d.tar | sort
