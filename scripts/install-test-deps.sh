#!/usr/bin/env bash
# Installs what the tests need, idempotently. Debian 12 packages:
#   libarchive13     - 7z and rar unpacking (P/Invoke from Stowage.Processing)
#   libarchive-tools - bsdtar, which the tests use to build 7z archives
#   python3, python3-venv - the tests' own Python, artifacts/test-venv (below)
# The S3 tests drive real clients nobody here wrote (test/Stowage.FunctionalTests/S3):
#   awscli           - awscli v2 as /usr/bin/aws (the tests call it by that path, whatever `aws` is on PATH)
#   python3-boto3    - boto3 1.26 for Debian's /usr/bin/python3, the older generation the tests also drive
#   python3-requests - also for /usr/bin/python3: the boto3 1.26 script sends presigned URLs with it
#   s3cmd, rclone    - two more independent S3 clients
#   nodejs, npm      - only where `node` is missing; then the pinned @aws-sdk packages with `npm ci`
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

need=()
dpkg -s libarchive13 >/dev/null 2>&1 || need+=(libarchive13)
command -v bsdtar >/dev/null 2>&1 || need+=(libarchive-tools)
[ -x /usr/bin/python3 ] || need+=(python3)
dpkg -s python3-venv >/dev/null 2>&1 || need+=(python3-venv)
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

# The tests' own Python: a venv holding exactly test/Stowage.FunctionalTests/S3/clients/requirements.txt (boto3,
# awscli v1, requests, all pinned), so no test depends on whichever python3 comes first on PATH or on what the
# machine image happens to carry. Rebuilt only when the requirements change. pip fetches the pins from PyPI;
# where PyPI cannot be reached, a venv over a Python that already has exactly those versions installed (the
# dotnet machine image's pyenv does) is the offline way, and `pip install --no-index` proves they match.
requirements="$clients/requirements.txt"
venv="$root/artifacts/test-venv"
venv_stamp="$venv/.requirements-sha256"
requirements_hash="$(sha256sum "$requirements" | cut -d' ' -f1)"
pip_quiet=(--disable-pip-version-check --no-input -q)
if [ ! -x "$venv/bin/python" ] || [ ! -f "$venv_stamp" ] || [ "$(cat "$venv_stamp")" != "$requirements_hash" ]; then
  echo "Making the tests' Python venv ($venv) from $requirements" >&2
  made=""
  for base in $(type -a -P python3 | xargs -r -n1 readlink -f | awk '!seen[$0]++'); do
    rm -rf "$venv"
    if "$base" -m venv --system-site-packages "$venv" >/dev/null 2>&1 \
      && "$venv/bin/python" -m pip install "${pip_quiet[@]}" --no-index -r "$requirements" >/dev/null 2>&1; then
      made="$base, whose site-packages already hold the pins"
      break
    fi
  done
  if [ -z "$made" ]; then
    rm -rf "$venv"
    /usr/bin/python3 -m venv "$venv"
    if ! "$venv/bin/python" -m pip install "${pip_quiet[@]}" --retries 1 --timeout 30 -r "$requirements"; then
      rm -rf "$venv"
      echo "error: could not install $requirements: pip could not fetch them (above) and no python3 on PATH already has exactly those versions" >&2
      exit 1
    fi
    made="/usr/bin/python3 and PyPI"
  fi
  echo "$requirements_hash" >"$venv_stamp"
  echo "The tests' Python venv is ready ($made)" >&2
fi
