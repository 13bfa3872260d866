#!/usr/bin/env bash

# Stand-ins: docker-compose and docker print what they would do; the test
# container run ends with the status in TEST_STATUS.
mkdir -p stand
cat > stand/docker-compose <<'EOF'
#!/bin/sh
echo "docker-compose $*"
case " $* " in *" run "*|*" --exit-code-from "*) echo "3 passed"; exit ${TEST_STATUS:-0} ;; esac
EOF
cat > stand/docker <<'EOF'
#!/bin/sh
echo "docker $*"
EOF
chmod +x stand/*
PATH=$PWD/stand:$PATH

docker-compose -f deploy/docker-compose-integration-tests-database.yml up -d

docker-compose -f deploy/docker-compose-integration-tests-runner.yml build
docker-compose -f deploy/docker-compose-integration-tests-runner.yml run --rm runner

runner_status=$?

docker-compose -f deploy/docker-compose-integration-tests-database.yml down

exit $runner_status
