#!/usr/bin/env bash
# Installs what the tests need, idempotently. Debian 12 packages:
#   libarchive13     - 7z and rar unpacking (P/Invoke from Stowage.Processing)
#   libarchive-tools - bsdtar, which the tests use to build 7z archives
#   python3, python3-requests - the Python test client that follows seed 004's pseudocode
# The S3 tests drive real clients nobody here wrote (test/Stowage.FunctionalTests/S3):
#   awscli           - awscli v2 as /usr/bin/aws (the pyenv `aws` on PATH may be v1; the tests call both)
#   python3-boto3    - boto3 1.26 for Debian's /usr/bin/python3 (pyenv's python3 has its own, newer one)
#   python3-requests - also for /usr/bin/python3: the boto3 1.26 script sends presigned URLs with it
#   s3cmd, rclone    - two more independent S3 clients
#   nodejs, npm      - only where `node` is missing; then the pinned @aws-sdk packages with `npm ci`
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

need=()
dpkg -s libarchive13 >/dev/null 2>&1 || need+=(libarchive13)
command -v bsdtar >/dev/null 2>&1 || need+=(libarchive-tools)
command -v python3 >/dev/null 2>&1 || need+=(python3)
python3 -c 'import requests' >/dev/null 2>&1 || need+=(python3-requests)
[ -x /usr/bin/aws ] || need+=(awscli)
/usr/bin/python3 -c 'import boto3' >/dev/null 2>&1 || need+=(python3-boto3)
/usr/bin/python3 -c 'import requests' >/dev/null 2>&1 || need+=(python3-requests)
command -v s3cmd >/dev/null 2>&1 || need+=(s3cmd)
command -v rclone >/dev/null 2>&1 || need+=(rclone)
command -v node >/dev/null 2>&1 || need+=(nodejs npm)
if [ ${#need[@]} -gt 0 ]; then
  # The same package can be needed by two checks (python3-requests); apt takes it once.
  mapfile -t need < <(printf '%s\n' "${need[@]}" | sort -u)
  echo "Installing test dependencies: ${need[*]}" >&2
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# The JS SDK, pinned by package-lock.json. npm ci wipes and reinstalls node_modules, so it runs only
# when the lock file changed since the last install (its hash is kept inside node_modules).
clients="$root/test/Stowage.FunctionalTests/S3/clients"
stamp="$clients/node_modules/.installed-lock-sha256"
lock_hash="$(sha256sum "$clients/package-lock.json" | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_hash" ]; then
  echo "Installing the S3 test clients' npm packages (npm ci)" >&2
  (cd "$clients" && npm ci --no-audit --no-fund --loglevel=error)
  echo "$lock_hash" >"$stamp"
fi
