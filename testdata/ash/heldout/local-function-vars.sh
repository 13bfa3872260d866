#!/bin/sh
greet() {
  local name="$1"
  echo "hello $name"
}
greet world
