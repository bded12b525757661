#!/usr/bin/env bash
# The performance targets of the fast path (bench/RESULTS.md) in one session: the JMH steps and the
# in-run dgemm yardstick, then the same steps in numpy and PyTorch through gd_step.py, then the table.
# Run on a quiet machine; the numbers move by ~2x on a loaded one. Usage:
#   bench/compare/targets.sh [out-dir]        (JMH_ARGS="-f 1 -wi 1 -i 2" for a smoke run; SKIP_JMH=1 to redo the comparison only)
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT="${1:-bench/results/targets-$(date -u +%Y%m%d-%H%M)}"
mkdir -p "$OUT"
JMH_ARGS="${JMH_ARGS:--f 2 -wi 3 -i 5 -w 1 -r 1}"
if [ -z "${SKIP_JMH:-}" ]; then   # SKIP_JMH=1 re-runs only the numpy/PyTorch side against an existing jmh.json/jmh.log
  ./mvnw -q -B -pl bench -am package -DskipTests
  java -jar bench/target/benchmarks.jar 'FactoredGdStep|DenseGdStep|StepFloor|Yardstick' -p blas=best $JMH_ARGS \
    -rf json -rff "$OUT/jmh.json" | tee "$OUT/jmh.log"
fi
# the fast path's own BLAS thread count (JMH's "# Threads: 1 thread" line is its benchmark threads, not BLAS's)
THREADS=$(grep -m1 -o 'fast path BLAS: [^;]*, [0-9]* threads\?' "$OUT/jmh.log" | grep -o '[0-9]* threads\?$' | grep -o '^[0-9]*' || nproc)
: > "$OUT/compare.jsonl"
for rt in numpy torch; do
  py=python3; [ "$rt" = torch ] && py=/usr/bin/python3
  for c in "factored 100 1000 10 3" "factored 100 1000 10 4" "dense 64 1000 10 3"; do
    set -- $c
    echo "{\"case\":\"$1\",\"dim\":$2,\"width\":$3,\"order\":$5,\"result\":$(OPENBLAS_NUM_THREADS=$THREADS $py bench/compare/gd_step.py \
      --runtime $rt --case $1 --dim $2 --width $3 --rank $4 --order $5 --steps 10 --repetitions 7 --threads "$THREADS")}" \
      | tee -a "$OUT/compare.jsonl"
  done
done
python3 bench/compare/targets.py "$OUT/jmh.json" "$OUT/compare.jsonl" | tee "$OUT/targets.md"
