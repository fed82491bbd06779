#!/usr/bin/env bash
# A long fuzz campaign through the embedding API: prints the counts by outcome and the first defects.
# Usage: bench/run-fuzz.sh [COUNT] [SEED]   (default 20000 inputs)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
count="${1:-20000}"
seed="${2:-20261201}"
mvn -q -B -ntp -pl interpreter -am verify -Dtest=FuzzTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dexp.fuzz=true -Dexp.fuzz.count="$count" -Dexp.fuzz.seed="$seed" >/dev/null 2>&1 || true
sed -n '/^fuzz:/,$p' interpreter/target/surefire-reports/dev.exp.fuzz.FuzzTest-output.txt
