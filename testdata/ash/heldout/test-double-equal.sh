#!/bin/bash
env=prod
if [ "$env" == "prod" ]; then echo "careful"; fi
