#!/bin/sh

# Fixtures: the lock file and the two trees whose contents make up the key.
mkdir -p templates-raw/basic generator
printf 'lodash@4.17.21\n' > yarn.lock
printf 'model User {}\n' > templates-raw/basic/schema.prisma
printf 'readme\n' > templates-raw/basic/README.md
printf 'export {}\n' > generator/index.ts

dependenciesHash=$(find ./yarn.lock -type f -print0 | sort -z | xargs -0 sha1sum | sha1sum)
templatesHash=$(find ./templates-raw -type f -print0 | sort -z | xargs -0 sha1sum | sha1sum)
generatorHash=$(find ./generator -type f -print0 | sort -z | xargs -0 sha1sum | sha1sum)

# Base64 encode because the cache action does not accept commas.
cacheKey=$(echo "{ \"templates\":\"$templatesHash\", \"generator\":\"$generatorHash\", \"dependencies\": \"$dependenciesHash\" }" | base64)

echo $cacheKey
