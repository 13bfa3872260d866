#!/bin/sh
echo staging | tr '[:lower:]' '[:upper:]'
