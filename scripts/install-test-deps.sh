#!/usr/bin/env bash
# Installs what the tests need, idempotently. Debian 12 packages:
#   libarchive13     - 7z and rar unpacking (P/Invoke from Stowage.Processing)
#   libarchive-tools - bsdtar, which the tests use to build 7z archives
#   python3, python3-requests - the Python test client that follows seed 004's pseudocode
set -euo pipefail
need=()
dpkg -s libarchive13 >/dev/null 2>&1 || need+=(libarchive13)
command -v bsdtar >/dev/null 2>&1 || need+=(libarchive-tools)
command -v python3 >/dev/null 2>&1 || need+=(python3)
python3 -c 'import requests' >/dev/null 2>&1 || need+=(python3-requests)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing test dependencies: ${need[*]}" >&2
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi
