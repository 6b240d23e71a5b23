#!/usr/bin/env bash
# Stowage upload benchmark: idempotent set-up of the peers, build, run. See bench/README.md.
#   bench/run.sh [harness options]        e.g. bench/run.sh --repeat 2 --skip-stowage
#   STOWAGE="dotnet /path/stowage.dll" bench/run.sh    to choose the Stowage command
#   bench/run.sh --baseline REV [options] also builds Stowage at git revision REV and runs every
#                                         Stowage row for both builds (head / baseline in the report)
# Everything binds 127.0.0.1; all data lives in a scratch dir removed on exit.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$BENCH_DIR/.." && pwd)"
PEERS="$BENCH_DIR/.peers"
STOWAGE="${STOWAGE:-$REPO/stowage}"
MIN_FREE_GIB=6

log() { printf '[bench] %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

has_dav() { command -v nginx >/dev/null 2>&1 && nginx -V 2>&1 | grep -q with-http_dav_module; }

ensure_nginx() {
  has_dav && return 0
  [ "$(id -u)" -eq 0 ] || die "nginx with the dav module is missing; run as root or install Debian's nginx-core"
  export DEBIAN_FRONTEND=noninteractive
  log "installing nginx (Debian) with the dav module"
  apt-get -o DPkg::Lock::Timeout=300 update -qq
  # Debian's variants differ: nginx-light lacks dav; bookworm's nginx-core has it, later
  # releases fold it into nginx. Take the first candidate that yields the module.
  local pkg
  for pkg in nginx-core nginx nginx-full nginx-extras; do
    apt-cache show "$pkg" >/dev/null 2>&1 || continue
    apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends "$pkg" >/dev/null || continue
    # Without an init system the package starts nothing; where it did start the
    # system-wide nginx (port 80), stop that one instance: the bench runs its own.
    if [ -s /run/nginx.pid ] && kill -0 "$(cat /run/nginx.pid)" 2>/dev/null; then
      log "the package started a system nginx; stopping it"
      nginx -s quit || true
    fi
    has_dav && { log "using $pkg: $(nginx -v 2>&1)"; return 0; }
  done
  die "no Debian nginx package with http_dav_module found"
}

ensure_tus() {
  command -v node >/dev/null || die "node is required for @tus/server"
  node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)' \
    || die "@tus/server 2.x needs Node.js >= 20.19 (have $(node --version))"
  mkdir -p "$PEERS"
  cp "$BENCH_DIR/peers/package.json" "$BENCH_DIR/peers/package-lock.json" "$BENCH_DIR/peers/tus-server.mjs" "$PEERS/"
  local stamp
  stamp="$(cat "$PEERS/package.json" "$PEERS/package-lock.json" | sha256sum | cut -d' ' -f1)"
  if [ ! -d "$PEERS/node_modules/@tus/server" ] || [ "$(cat "$PEERS/.installed" 2>/dev/null)" != "$stamp" ]; then
    log "installing @tus/server and @tus/file-store (pinned in bench/peers/package-lock.json)"
    (cd "$PEERS" && npm ci --no-audit --no-fund --omit=dev --loglevel=error)
    echo "$stamp" > "$PEERS/.installed"
  fi
}

build_harness() {
  log "building the harness"
  dotnet build -c Release -nologo -v quiet "$BENCH_DIR/Stowage.Bench/Stowage.Bench.csproj" >/dev/null \
    || { dotnet build -c Release -nologo "$BENCH_DIR/Stowage.Bench/Stowage.Bench.csproj"; die "harness build failed"; }
}

# The baseline's Stowage CLI, built once per commit into artifacts/bench-baseline/<sha>/cli from a
# `git archive` of that commit (a read-only export: no worktree is registered in the shared repo).
build_baseline() {
  local rev="$1" sha out tree
  sha="$(git -C "$REPO" rev-parse --verify --quiet "${rev}^{commit}")" || die "--baseline: '$rev' is not a commit in $REPO"
  out="$REPO/artifacts/bench-baseline/$sha"
  if [ ! -f "$out/cli/.built" ]; then
    log "building the baseline Stowage at ${sha:0:10} ($rev) into $out/cli"
    tree="$(mktemp -d "${TMPDIR:-/tmp}/stowage-baseline.XXXXXX")"
    rm -rf "$out/cli"
    mkdir -p "$out"
    if ! { git -C "$REPO" archive --format=tar "$sha" | tar -x -C "$tree"; } \
      || ! dotnet build "$tree/src/Stowage.Cli/Stowage.Cli.csproj" -c Release -o "$out/cli" --nologo -v quiet -clp:ErrorsOnly >&2; then
      rm -rf "$tree" "$out/cli"
      die "the baseline ($rev = ${sha:0:10}) did not build"
    fi
    rm -rf "$tree"
    touch "$out/cli/.built"
  fi
  BASELINE_CMD="dotnet $out/cli/stowage.dll"
  BASELINE_LABEL="${sha:0:7}"
  [ "$rev" = "$sha" ] || [ "$rev" = "${sha:0:${#rev}}" ] || BASELINE_LABEL="${sha:0:7} ($rev)"
}

# What the report calls the build under test: the worktree's commit, marked when src/ has changes
# on top (the default launcher builds the working tree), or the STOWAGE command when one is given.
head_label() {
  if [ "$STOWAGE" != "$REPO/stowage" ]; then
    printf '%s' "STOWAGE=$STOWAGE"
    return
  fi
  local sha
  sha="$(git -C "$REPO" rev-parse --short=7 HEAD 2>/dev/null || echo unknown)"
  if [ -n "$(git -C "$REPO" status --porcelain -- src Directory.Build.props Directory.Packages.props 2>/dev/null)" ]; then
    sha="$sha+changes"
  fi
  printf '%s' "$sha"
}

# --baseline REV is run.sh's own; everything else goes to the harness.
BASELINE_REV=""
ARGS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --baseline) [ $# -ge 2 ] || die "--baseline needs a git revision"; BASELINE_REV="$2"; shift 2 ;;
    --baseline=*) BASELINE_REV="${1#--baseline=}"; shift ;;
    *) ARGS+=("$1"); shift ;;
  esac
done

ensure_nginx
ensure_tus
build_harness
BASELINE_CMD=""
BASELINE_LABEL=""
[ -z "$BASELINE_REV" ] || build_baseline "$BASELINE_REV"

# The swarm (--only swarm) holds one connection per client on each side (1,000 by default); the
# servers inherit this limit. Raise it where allowed, else keep what the hard limit permits.
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
log "open-file limit: $(ulimit -n)"

SCRATCH_PARENT="${TMPDIR:-/tmp}"
free_gib=$(( $(df -Pk "$SCRATCH_PARENT" | awk 'NR==2 {print $4}') / 1024 / 1024 ))
[ "$free_gib" -ge "$MIN_FREE_GIB" ] || die "need ${MIN_FREE_GIB} GiB free in $SCRATCH_PARENT, have ${free_gib}"
WORK="$(mktemp -d "$SCRATCH_PARENT/stowage-bench.XXXXXX")"

cleanup() {
  # The harness stops its servers itself; this catches what a killed harness left behind.
  # Only pids it recorded, and only while their command line still names this scratch dir
  # (a recorded pid that exited may since belong to someone else).
  if [ -f "$WORK/pids" ]; then
    local pid
    while read -r pid; do
      if [ -r "/proc/$pid/cmdline" ] && tr '\0' ' ' < "/proc/$pid/cmdline" | grep -qF "$WORK"; then
        kill -TERM "$pid" 2>/dev/null || true
      fi
    done < "$WORK/pids"
    sleep 1
    while read -r pid; do
      if [ -r "/proc/$pid/cmdline" ] && tr '\0' ' ' < "/proc/$pid/cmdline" | grep -qF "$WORK"; then
        kill -KILL "$pid" 2>/dev/null || true
      fi
    done < "$WORK/pids"
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

status=0
EXTRA=(--head-label "$(head_label)")
[ -z "$BASELINE_CMD" ] || EXTRA+=(--baseline-stowage "$BASELINE_CMD" --baseline-label "$BASELINE_LABEL")
dotnet "$BENCH_DIR/Stowage.Bench/bin/Release/net10.0/Stowage.Bench.dll" \
  --repo "$REPO" --work "$WORK" --peers "$PEERS" --stowage "$STOWAGE" "${EXTRA[@]}" ${ARGS[@]+"${ARGS[@]}"} || status=$?
exit "$status"
