#!/bin/bash
echo "$((2**8)) $((16#ff)) $((0x10))"
