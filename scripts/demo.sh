#!/usr/bin/env bash
# Installs dependencies, builds kroniek and analyses the example articles.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)" --target kroniek
./build/kroniek analyze --format jsonl examples/nl/*.txt
echo
echo "== chronicle of the toll set (four reports over four days) =="
./build/kroniek chronicle --format text examples/sets/toll_mogadishu/*.txt
