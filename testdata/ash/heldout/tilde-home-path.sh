#!/bin/sh
HOME=/home/deploy
echo ~/app | sed 's,/home/deploy,HOME,'
