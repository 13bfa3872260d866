#!/bin/bash
# Travis CI's default environment variables, printed for debugging.

# The job's environment.
export TRAVIS_BRANCH=main TRAVIS_COMMIT=4e1d2c0 TRAVIS_COMMIT_RANGE=1a2b3c4...4e1d2c0
export TRAVIS_PULL_REQUEST_BRANCH= TRAVIS_PULL_REQUEST_SHA= TRAVIS_REPO_SLUG=example/app

echo "Debug TRAVIS_CI environment variables:"

for x in \
  TRAVIS_BRANCH TRAVIS_COMMIT TRAVIS_COMMIT_RANGE \
  TRAVIS_PULL_REQUEST_BRANCH TRAVIS_PULL_REQUEST_SHA \
	TRAVIS_PULL_REQUEST_SLUG TRAVIS_REPO_SLUG
do
	echo "$x:" ${!x}
done
