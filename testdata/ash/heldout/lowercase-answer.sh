#!/bin/bash
answer="YES"
if [[ "${answer,,}" == "yes" ]]; then echo "confirmed"; fi
