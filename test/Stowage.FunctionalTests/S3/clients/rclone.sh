#!/usr/bin/env bash
# rclone against Stowage's S3 endpoint: defines the remote "stowage:" through RCLONE_CONFIG_STOWAGE_*
# (no config file) and runs rclone with the given arguments, e.g.
#   S3_ENDPOINT=http://127.0.0.1:9000 rclone.sh copyto f stowage:iguides.plntr.ca/k
# The credential comes from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN, handed to rclone
# as the remote's own settings (env_auth false). AWS_CA_BUNDLE must not be set: rclone 1.60 fails with
# LoadCustomCABundleError when it is (the tests remove it from the environment).
set -euo pipefail
: "${S3_ENDPOINT:?S3_ENDPOINT is not set}"
: "${AWS_ACCESS_KEY_ID:?}" "${AWS_SECRET_ACCESS_KEY:?}"
export RCLONE_CONFIG="$HOME/rclone.conf" # absent: rclone then reads no file
export RCLONE_CONFIG_STOWAGE_TYPE=s3
export RCLONE_CONFIG_STOWAGE_PROVIDER=Other
export RCLONE_CONFIG_STOWAGE_ENDPOINT="$S3_ENDPOINT"
export RCLONE_CONFIG_STOWAGE_FORCE_PATH_STYLE=true
export RCLONE_CONFIG_STOWAGE_REGION=us-east-1
export RCLONE_CONFIG_STOWAGE_ENV_AUTH=false
export RCLONE_CONFIG_STOWAGE_ACL=bucket-owner-full-control
export RCLONE_CONFIG_STOWAGE_ACCESS_KEY_ID="$AWS_ACCESS_KEY_ID"
export RCLONE_CONFIG_STOWAGE_SECRET_ACCESS_KEY="$AWS_SECRET_ACCESS_KEY"
export RCLONE_CONFIG_STOWAGE_SESSION_TOKEN="${AWS_SESSION_TOKEN:-}"
unset AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN AWS_CA_BUNDLE
# One try per operation: a retried failure would hide what the server answered first.
exec rclone --retries 1 --low-level-retries 1 --contimeout 10s --timeout 60s "$@"
