#!/bin/bash
touch owned
stat -c '%U %a' owned
