#!/bin/sh
function greet {
	echo "hello, $1"
}
function bye() {
	echo "bye, $1"
}
greet ops
bye ops
