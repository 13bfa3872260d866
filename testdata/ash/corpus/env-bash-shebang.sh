#!/usr/bin/env bash
name=world
printf 'hello %s\n' "$name"
