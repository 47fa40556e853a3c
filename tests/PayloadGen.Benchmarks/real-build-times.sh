#!/usr/bin/env bash
# Times real 'dotnet build --no-incremental' runs of the synthetic project (SampleProjectWriter) with and without
# PayloadGen, alternating, as docs/performance.md reports them: the CPU time of the whole build (MSBuild and the csc
# process it waits for; this machine builds with UseSharedCompilation=false, as CI does), and the Csc task's wall time.
# On a shared machine the CPU times are the figures to read.
#   real-build-times.sh DIR [ROUNDS] [--layered|--handlers] [BEFORE_GENERATORS_DLL]
set -euo pipefail
dir=$1
rounds=${2:-5}
shape=${3:---handlers}
before=${4:-}
here=$(cd "$(dirname "$0")" && pwd)

layered=""
if [[ $shape == --layered ]]; then layered=--layered; fi
dotnet run -c Release --no-build --project "$here" -- --write-sample "$dir" $layered >/dev/null
dotnet restore "$dir" -v:q >/dev/null

build() { # name, extra msbuild arguments...
  local name=$1; shift
  local log times
  log=$(mktemp)
  /usr/bin/time -f '%e %U %S' -o "$log.time" dotnet build "$dir" --no-restore --no-incremental "$@" -clp:PerformanceSummary >"$log" 2>&1
  read -r wall user system <"$log.time"
  csc=$(awk '/Task Performance Summary/ {t=1} t && $3 == "Csc" {print $1; exit}' "$log")
  printf '%s\tCPU %.2f s\twall %.2f s\tCsc task %s ms\n' "$name" "$(echo "$user + $system" | bc)" "$wall" "$csc"
  rm -f "$log" "$log.time"
}

# Warm the SDK's caches (and the disk) with each variant once.
build warm-without -p:UsePayloadGen=false >/dev/null
build warm-with -p:UsePayloadGen=true >/dev/null
for ((round = 1; round <= rounds; round++)); do
  build without -p:UsePayloadGen=false
  build with -p:UsePayloadGen=true
  if [[ -n $before ]]; then
    build with-before -p:UsePayloadGen=true "-p:PayloadGenAnalyzer=$before"
  fi
done
