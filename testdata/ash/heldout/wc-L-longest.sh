#!/bin/bash
printf 'ab\nabcd\n' | wc -L
