#!/usr/bin/env bash
# s3cmd against Stowage's S3 endpoint: writes a config for $S3_ENDPOINT in $HOME, then runs s3cmd with it
# and the given arguments, e.g.
#   S3_ENDPOINT=http://127.0.0.1:9000 s3cmd.sh put f s3://iguides.plntr.ca/k --add-header=x-amz-acl:bucket-owner-full-control
# host_bucket without %(bucket)s makes s3cmd address every bucket path-style; signature_v2 = False makes it
# sign with SigV4. The credential comes from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY; the session token
# goes on the command line (--access_token), not in the file: with a token in the file, s3cmd tries to
# "refresh the role" from the EC2 metadata address before every request.
set -euo pipefail
: "${S3_ENDPOINT:?S3_ENDPOINT is not set}"
: "${AWS_ACCESS_KEY_ID:?}" "${AWS_SECRET_ACCESS_KEY:?}"
host_port="${S3_ENDPOINT#http://}"
host_port="${host_port%/}"
config="$HOME/.s3cfg"
cat >"$config" <<CFG
[default]
access_key = $AWS_ACCESS_KEY_ID
secret_key = $AWS_SECRET_ACCESS_KEY
host_base = $host_port
host_bucket = $host_port
bucket_location = us-east-1
use_https = False
signature_v2 = False
CFG
token=()
if [ -n "${AWS_SESSION_TOKEN:-}" ]; then
  token=(--access_token="$AWS_SESSION_TOKEN")
fi
exec s3cmd -c "$config" "${token[@]}" "$@"
