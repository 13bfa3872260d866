#!/bin/bash

# Stand-in: mvn prints a surefire run in which one test failed once and
# then passed on a rerun.
mkdir -p stand
cat > stand/mvn <<'EOF'
#!/bin/sh
cat <<'OUT'
[INFO] Tests run: 12, Failures: 0, Errors: 0, Skipped: 0
[ERROR]   Run 1: PaymentTest.refundTwice:41 expected:<200> but was:<500>
[INFO]   Run 2: PASS
[WARNING] Flakes:
[WARNING] Tests run: 12, Failures: 0, Errors: 0, Skipped: 0, Flakes: 1
OUT
EOF
chmod +x stand/mvn
PATH=$PWD/stand:$PATH

mvn test -Dsurefire.rerunFailingTestsCount=15 | tee test.txt

if grep -q "\[WARNING\] Flakes:" test.txt; then
  grep "\[ERROR\]   Run 1: " test.txt | awk '{print $4}' > flakyTests.txt
  cat flakyTests.txt


  echo ERROR: Flaky Tests detected>&2
  exit 1
fi
