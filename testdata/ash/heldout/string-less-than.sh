#!/bin/bash
if [[ "apple" < "banana" ]]; then echo sorted; fi
