#!/usr/bin/env bash
# Slipway bootstrap. Fast path: when the compiled build is newer than every input, run it directly.
# Otherwise build it quietly first. Usage: ./build.sh [targets] [--parameters] (./build.sh --help)
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BUILD_PROJECT="$SCRIPT_DIR/build/_build.csproj"
BUILD_DLL="$SCRIPT_DIR/build/bin/Debug/net10.0/_build.dll"
TEMP_DIR="$SCRIPT_DIR/.nuke/temp"
STAMP="$TEMP_DIR/build.stamp"

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 DOTNET_CLI_WORKLOAD_UPDATE_NOTIFY_DISABLE=1
export SLIPWAY_SCRIPT_DIRECTORY="$SCRIPT_DIR"

find_dotnet() {
  if command -v dotnet >/dev/null 2>&1; then command -v dotnet; return; fi
  for candidate in "${DOTNET_ROOT:-}/dotnet" "$HOME/.dotnet/dotnet" /usr/share/dotnet/dotnet /usr/local/share/dotnet/dotnet; do
    if [ -x "$candidate" ]; then echo "$candidate"; return; fi
  done
  return 1
}

if ! DOTNET="$(find_dotnet)"; then
  echo "error: the .NET SDK was not found. Install .NET SDK 10 (https://dot.net/download, or 'apt-get install dotnet-sdk-10.0'), then run ./build.sh again." >&2
  exit 2
fi

is_stale() {
  [ -f "$STAMP" ] && [ -f "$BUILD_DLL" ] || return 0
  local newer
  newer="$(cd "$SCRIPT_DIR" && find build src \( -name bin -o -name obj \) -prune -o -type f -newer "$STAMP" \
            \( -path 'build/*' -o -name '*.cs' -o -name '*.csproj' \) -print -quit 2>/dev/null)"
  [ -n "$newer" ] && return 0
  for file in "$SCRIPT_DIR"/Directory.*.props "$SCRIPT_DIR/global.json"; do
    [ "$file" -nt "$STAMP" ] && return 0
  done
  return 1
}

check_sdk_version() {
  local required actual
  required="$(sed -n 's/.*"version"[[:space:]]*:[[:space:]]*"\([0-9]*\)\..*/\1/p' "$SCRIPT_DIR/global.json" | head -n 1)"
  actual="$("$DOTNET" --version 2>/dev/null || true)"
  if [ -z "$actual" ] || [ "${actual%%.*}" -lt "${required:-10}" ]; then
    echo "error: .NET SDK ${required}.x is required by global.json, found '${actual:-none}' at $DOTNET. Install .NET SDK ${required} and run ./build.sh again." >&2
    exit 2
  fi
}

rebuild() {
  mkdir -p "$TEMP_DIR"
  check_sdk_version
  local log="$TEMP_DIR/bootstrap.log" started
  started="$(date +%s.%N)"
  if ! "$DOTNET" build "$BUILD_PROJECT" -nologo -v q -clp:NoSummary >"$log" 2>&1; then
    cat "$log" >&2
    echo "error: compiling the build project failed (see above); fix it and run ./build.sh again." >&2
    exit 2
  fi
  # the stamp takes the time the build started, so an edit made during the build still counts as newer
  touch -d "@${started}" "$STAMP"
}

if is_stale; then
  mkdir -p "$TEMP_DIR"
  if command -v flock >/dev/null 2>&1; then
    exec 9>"$TEMP_DIR/bootstrap.lock"
    flock 9
    if is_stale; then rebuild; fi
    flock -u 9
    exec 9>&-
  else
    rebuild
  fi
fi

exec "$DOTNET" "$BUILD_DLL" "$@"
