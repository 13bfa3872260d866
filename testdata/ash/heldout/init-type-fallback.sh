#!/bin/bash
type getpid >&/dev/null || function getpid() {
  PID=DOWN
}
getpid
echo "pid=$PID"
