# Stand-in: the kubectl next to the consul config lists pods and shows the
# processes of one.
mkdir -p consul/config/bin
cat > consul/config/bin/kubectl <<'EOF'
#!/bin/sh
case "$*" in
*"get pod"*) printf 'NAME                         READY   STATUS\nzookeeper-7f9c6d-x2lqp       1/1     Running\nmessage-router-5d8f-kk2      1/1     Running\n' ;;
*exec*) printf 'PID   USER     TIME  COMMAND\n    1 root      0:12 java -Dzookeeper.log.dir=/var/log org.apache.zookeeper.server.quorum.QuorumPeerMain\n' ;;
esac
EOF
chmod +x consul/config/bin/kubectl

zkpod=$(consul/config/bin/kubectl -n onap-message-router get pod | grep -o "zookeeper-[^[:space:]]*")
if [ -n "$zkpod" ]; then
   if consul/config/bin/kubectl -n onap-message-router exec -it $zkpod -- ps ef | grep -i zookeeper; then
      echo Success. Zookeeper process is running. 2>&1
      exit 0
   else
      echo Failed. Zookeeper is not running. 2>&1
      exit 1
   fi
else
   echo Failed. Zookeeper container is offline. 2>&1
   exit 1
fi
