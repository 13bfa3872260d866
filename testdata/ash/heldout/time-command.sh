#!/bin/bash
{ time sleep 0; } 2>&1 | grep -c real
