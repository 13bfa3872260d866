gsemver() { echo "2.3.1"; }
git() { if [ "$1 $2" = "tag -l" ]; then [ "$3" = v2.3.0 ] && echo v2.3.0; else echo "git $*"; fi; }
for VERSION in v2.3.0 ""; do
version="${VERSION}"
if [ "${version}" == "" ];then
  version=v`gsemver bump`
fi
if [ -z "`git tag -l ${version}`" ];then
  git tag -a -m "release version ${version}" ${version}
else
  echo "${version} already tagged"
fi
done
