#! /bin/sh
mkdir -p etc
printf '127.0.0.1\tlocalhost\n' > hosts
printf '142.250.0.1 www.google.com\n142.250.0.2  mail.google.com\n' > google
printf '157.240.0.35 www.facebook.com\n' > others
printf '0.0.0.0 ads.example.com\n0.0.0.0 *.doubleclick.net\n' > ads
echo "basic hosts"
cp hosts etc

echo "google IP"
while read Line
do
	echo $Line >> etc/hosts
	echo $Line
done < google

echo "apple facebook twitter youtube dropbox and others ip"
while read Line
do
echo $Line >> etc/hosts
echo $Line
done < others

echo "block ads"
while read Line
do
echo $Line >> etc/hosts
echo $Line
done < ads
