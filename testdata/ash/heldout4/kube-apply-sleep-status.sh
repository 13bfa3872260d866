kubectl() { echo "kubectl $*"; [ "$1" != rollout ] || echo 'deployment "web" successfully rolled out'; }
kubectl apply -f deployment.yml
sleep 1
kubectl rollout status -f deployment.yml
if [[ "$?" -ne 0 ]]
then
	echo "deploy fail"
else
	echo "deploy success"
fi
