#!/bin/bash
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
printf 'DB_HOST=db\nDB_PORT=5432\n' > .env

echo "running tests..."

docker-compose \
  -f ./deployments/docker-compose.test.yml \
  -p tests \
  --env-file .env \
  up --build \
  --exit-code-from integration_tests
