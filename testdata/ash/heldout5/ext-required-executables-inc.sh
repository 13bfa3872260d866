###------------------------------------------------------------------------------------------------
# script:  tar.inc
# purpose: Collection of functions related to tar
# version: 1.0.0
#
# function list:
#          - extract_tar_to_directory
#          - extract_tar_to_directory_compress_gzip
#          - tar_directory
#          - tar_directory_compress_gzip
###------------------------------------------------------------------------------------------------
REQUIRED_EXECUTABLES+=('tar')

###------------------------------------------------------------------------------------------------
# tar_directory <archive> <directory>
function tar_directory() {
  local archive="$1" directory="$2"
  tar --create --file="$archive" --directory="$(dirname "$directory")" "$(basename "$directory")"
}

# tar_directory_compress_gzip <archive> <directory>
function tar_directory_compress_gzip() {
  local archive="$1" directory="$2"
  tar --create --gzip --file="$archive" --directory="$(dirname "$directory")" "$(basename "$directory")"
}

# extract_tar_to_directory <archive> <directory>
function extract_tar_to_directory() {
  local archive="$1" directory="$2"
  mkdir -p "$directory"
  tar --extract --file="$archive" --directory="$directory"
}

# extract_tar_to_directory_compress_gzip <archive> <directory>
function extract_tar_to_directory_compress_gzip() {
  local archive="$1" directory="$2"
  mkdir -p "$directory"
  tar --extract --gzip --file="$archive" --directory="$directory"
}

for exe in "${REQUIRED_EXECUTABLES[@]}"; do
  command -v "$exe" >/dev/null || echo "missing $exe"
done
mkdir -p data/site && echo '<h1>hi</h1>' > data/site/index.html
tar_directory site.tar data/site
tar_directory_compress_gzip site.tgz data/site
extract_tar_to_directory site.tar out1
extract_tar_to_directory_compress_gzip site.tgz out2
cat out1/site/index.html out2/site/index.html
