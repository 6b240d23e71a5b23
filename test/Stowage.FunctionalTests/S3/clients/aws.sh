#!/usr/bin/env bash
# awscli against Stowage's S3 endpoint: runs the awscli named by $AWS_CLI (Debian's v2 as /usr/bin/aws,
# or v1 from the tests' venv as "artifacts/test-venv/bin/python -m awscli") with --endpoint-url $S3_ENDPOINT
# added to the arguments, e.g.
#   S3_ENDPOINT=http://127.0.0.1:9000 AWS_CLI=/usr/bin/aws aws.sh s3 cp f s3://iguides.plntr.ca/k --acl bucket-owner-full-control
# The credential is the standard AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN; the tests
# also give it an empty HOME and config paths that do not exist, so no user configuration applies.
# awscli v2 addresses a dotted bucket path-style on its own when given --endpoint-url; nothing to configure.
set -euo pipefail
: "${S3_ENDPOINT:?S3_ENDPOINT is not set}"
: "${AWS_CLI:?AWS_CLI is not set (/usr/bin/aws or PYTHON -m awscli)}"
read -r -a aws <<<"$AWS_CLI"
if [ "${1:-}" = "--version" ]; then
  exec "${aws[@]}" --version
fi
exec "${aws[@]}" "$@" --endpoint-url "$S3_ENDPOINT"
