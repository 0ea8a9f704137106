#!/usr/bin/env bash
# Fuzzes kroniek's readers and analyzer with libFuzzer under ASan and UBSan.
#
#   bash scripts/fuzz.sh SECONDS [TARGET...]
#
# Builds build-fuzz/ with clang (installed from Debian when missing), then runs
# each target (all of fuzz/targets.cc when none is named) for SECONDS, seeded
# from tests/fuzz_corpus/<target>/. A crashing, hanging or memory-hungry input
# is copied into tests/fuzz_corpus/<target>/: fix it, and the normal test run
# replays it from then on. Prints the executions and findings of each target.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:?usage: scripts/fuzz.sh SECONDS [TARGET...]}
shift
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(analyze numbers times jsonl html feed gzip request)
if ! command -v clang++ >/dev/null || [ ! -e "$(clang++ -print-resource-dir)/lib/linux/libclang_rt.fuzzer-x86_64.a" ]; then
  sudo=$([ "$(id -u)" = 0 ] || echo sudo)
  $sudo apt-get install -y --no-install-recommends clang libclang-rt-dev
fi
CC=clang CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKRONIEK_FUZZ=ON -DKRONIEK_TESTS=OFF \
  > build-fuzz.log
cmake --build build-fuzz -j"$(nproc)" $(printf -- "--target fuzz_%s " "${targets[@]}") >> build-fuzz.log
total=0
findings=0
for t in "${targets[@]}"; do
  corpus=build-fuzz/corpus/$t
  mkdir -p "$corpus"
  cp -n tests/fuzz_corpus/"$t"/* "$corpus"/ 2>/dev/null || true
  log=build-fuzz/$t.log
  # A finding ends the run early; libFuzzer writes it under the artifact prefix.
  build-fuzz/fuzz_"$t" "$corpus" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
    -artifact_prefix="tests/fuzz_corpus/$t/" -print_final_stats=1 > "$log" 2>&1 || true
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
  found=$(grep -cE '^artifact_prefix=|Test unit written to' "$log" || true)
  total=$((total + runs))
  findings=$((findings + found))
  printf '%-8s %12s executions, %s findings%s\n' "$t" "$runs" "$found" "$([ "$found" = 0 ] || echo " (see $log)")"
done
echo "all     $(printf '%12s' "$total") executions, $findings findings"
[ "$findings" = 0 ]
