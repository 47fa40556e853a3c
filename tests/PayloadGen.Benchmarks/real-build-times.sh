#!/usr/bin/env bash
# Times real 'dotnet build --no-incremental' runs of the synthetic project (SampleProjectWriter) with and without
# PayloadGen, alternating, as docs/performance.md reports them: the CPU time of the whole build (MSBuild and the csc
# process it waits for; this machine builds with UseSharedCompilation=false, as CI does), and the Csc task's wall time.
# On a shared machine the CPU times are the figures to read. With COMPILER_SERVER=1 the builds use a compiler server of
# their own (as 'dotnet build' does on a developer machine), warm after the first build; its CPU time per build is read
# from /proc and added.
#   [COMPILER_SERVER=1] real-build-times.sh DIR [ROUNDS] [--layered|--handlers] [BEFORE_GENERATORS_DLL]
set -euo pipefail
dir=$1
rounds=${2:-5}
shape=${3:---handlers}
before=${4:-}
here=$(cd "$(dirname "$0")" && pwd)
pipe="payloadgen-compile-cost-$$"
server=()
if [[ ${COMPILER_SERVER:-} == 1 ]]; then server=(-p:UseSharedCompilation=true "-p:SharedCompilationId=$pipe"); fi

server_ticks() {
  local pid
  pid=$(pgrep -f "pipename:$pipe" | head -1 || true)
  if [[ -z $pid ]]; then echo 0; else awk '{print $14 + $15}' "/proc/$pid/stat"; fi
}

layered=""
if [[ $shape == --layered ]]; then layered=--layered; fi
dotnet run -c Release --no-build --project "$here" -- --write-sample "$dir" $layered >/dev/null
dotnet restore "$dir" -v:q >/dev/null

build() { # name, extra msbuild arguments...
  local name=$1; shift
  local log times
  log=$(mktemp)
  ticks_before=$(server_ticks)
  /usr/bin/time -f '%e %U %S' -o "$log.time" dotnet build "$dir" --no-restore --no-incremental "${server[@]}" "$@" -clp:PerformanceSummary >"$log" 2>&1
  ticks_after=$(server_ticks)
  read -r wall user system <"$log.time"
  csc=$(awk '/Task Performance Summary/ {t=1} t && $3 == "Csc" {print $1; exit}' "$log")
  printf '%s\tCPU %.2f s\t(of which compiler server %.2f s)\twall %.2f s\tCsc task %s ms\n' "$name" \
    "$(echo "$user + $system + ($ticks_after - $ticks_before) / $(getconf CLK_TCK)" | bc -l)" \
    "$(echo "($ticks_after - $ticks_before) / $(getconf CLK_TCK)" | bc -l)" "$wall" "$csc"
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
# The compiler server this script started (found by its own pipe name), so that it does not linger.
pid=$(pgrep -f "pipename:$pipe" | head -1 || true)
if [[ -n $pid ]]; then kill "$pid"; fi
