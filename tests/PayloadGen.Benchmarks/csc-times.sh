#!/usr/bin/env bash
# Times the compiler process alone, fresh each run, as a CI build runs it (UseSharedCompilation=false): takes csc's
# command line from one real 'dotnet build' of the synthetic project (SampleProjectWriter), then runs that csc command
# without PayloadGen, with this benchmark's PayloadGen.Generators.dll, and with each further build of it given (a
# ReadyToRun image, an older commit), alternating the order every round. Prints each run's CPU time (user + system of
# csc and its threads) and then the paired summary (PairedDifference: the median of the per-round differences against
# the run without PayloadGen, its quartiles and a 95 % interval). ENV=... is passed to every csc run (for example
# ENV='DOTNET_TieredPGO=0'), CSC_ARGS=... to every csc command line (for example CSC_ARGS=/parallel-).
# docs/performance.md, "A fresh compiler process", reads it.
#   [ENV='VAR=value ...'] [CSC_ARGS='...'] csc-times.sh DIR [ROUNDS] [--layered|--handlers] [NAME=PATH/TO/PayloadGen.Generators.dll ...]
set -euo pipefail
dir=$1
rounds=${2:-5}
shape=${3:---handlers}
shift $(($# < 3 ? $# : 3))
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
layered=""
if [[ $shape == --layered ]]; then layered=--layered; fi
dotnet run -c Release --no-build --project "$here" -- --write-sample "$dir" $layered >/dev/null
dotnet restore "$dir" -v:q >/dev/null

# The Csc task logs the command it runs at detailed verbosity: '<sdk>/Roslyn/bincore/csc /noconfig ...'.
dotnet build "$dir" --no-restore --no-incremental -p:UseSharedCompilation=false -p:UsePayloadGen=true -v:d >"$work/build.log" 2>&1
command=$(grep -m1 -E '^\s+\S+/Roslyn/bincore/csc /noconfig ' "$work/build.log" | sed -E 's/^\s+//')
csc=${command%% *}
# One argument per line (none of the synthetic project's arguments contains a space); /noconfig stays on the command
# line, where csc honours it.
tr ' ' '\n' <<<"${command#* }" | grep -v -e '^$' -e '^/noconfig$' >"$work/with.rsp"
analyzer=$(grep -m1 -E '^/analyzer:.*/PayloadGen\.Generators\.dll$' "$work/with.rsp")
grep -vxF -- "$analyzer" "$work/with.rsp" >"$work/without.rsp"
variants=(without with)
for extra in "$@"; do
  name=${extra%%=*}
  path=$(realpath "${extra#*=}")
  sed "s#^$(sed 's/[#.[\*^$]/\\&/g' <<<"$analyzer")\$#/analyzer:$path#" "$work/with.rsp" >"$work/$name.rsp"
  variants+=("$name")
done

run() { # variant
  # The command line's paths are relative to the project folder, as MSBuild ran it.
  (cd "$dir" && /usr/bin/time -f '%U %S %e' -o "$work/time" env ${ENV:-} "$csc" /noconfig "@$work/$1.rsp" ${CSC_ARGS:-} >"$work/$1.out" 2>&1) ||
    { echo "csc failed for $1:" >&2; tail -5 "$work/$1.out" >&2; exit 1; }
  read -r user system wall <"$work/time"
  printf '%s\t%s\t%.2f\t%.2f\n' "$round" "$1" "$(echo "$user + $system" | bc -l)" "$wall" | tee -a "$work/rounds.tsv"
}

echo "# csc: $csc; ENV: ${ENV:-none}; CSC_ARGS: ${CSC_ARGS:-none}; load: $(cut -d' ' -f1-3 /proc/loadavg)"
printf 'round\tvariant\tcpu_s\twall_s\n'
round=0
for v in "${variants[@]}"; do run "$v" >/dev/null; done # warm the disk and the file cache
for ((round = 1; round <= rounds; round++)); do
  order=("${variants[@]}")
  if ((round % 2 == 0)); then order=($(printf '%s\n' "${variants[@]}" | tac)); fi
  for v in "${order[@]}"; do run "$v"; done
done
echo "# load: $(cut -d' ' -f1-3 /proc/loadavg)"
grep -v '^0	' "$work/rounds.tsv" >"$work/measured.tsv"
dotnet run -c Release --no-build --project "$here" -- --paired-rounds "$work/measured.tsv"
rm -rf "$work"
