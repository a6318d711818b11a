#!/usr/bin/env bash
# Installs what building Specwright needs beyond the Swift toolchain: cmark's C library and headers.
set -euo pipefail
if pkg-config --exists libcmark 2>/dev/null && [ -f /usr/include/cmark.h ]; then
  exit 0
fi
echo "Installing libcmark-dev (cmark's C library)..." >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libcmark-dev >/dev/null
