#!/usr/bin/env bash
# Installs dependencies, builds kroniek, ingests the example articles into a
# fresh store (build/demo.db) and prints the chronicle kept there.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)" --target kroniek
rm -f build/demo.db build/demo.db-wal build/demo.db-shm
./build/kroniek ingest --db build/demo.db examples/nl/*.txt examples/sets/*/*.txt
echo
./build/kroniek chronicle --db build/demo.db --format text
echo "== browse it: ./build/kroniek serve --db build/demo.db, then open http://127.0.0.1:8080/ (API: /api/openapi.json) =="
