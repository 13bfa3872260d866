kubectl() { n=$(cat calls 2>/dev/null || echo 0); echo $((n+1)) > calls; [ "$n" -ge 2 ] && echo "rolled out"; }
ATTEMPTS=0
ROLLOUT_STATUS_CMD="kubectl --insecure-skip-tls-verify --kubeconfig=kubeconfig.yml rollout status deployment/lineblocs-internals"
until $ROLLOUT_STATUS_CMD || [ $ATTEMPTS -eq 60 ]; do
  $ROLLOUT_STATUS_CMD
  ATTEMPTS=$((attempts + 1))
  sleep 0
done
echo "calls: $(cat calls), attempts: $ATTEMPTS"
