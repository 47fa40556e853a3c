#!/usr/bin/env bash
# Mutation testing of PayloadGen's security core (opt-in, not in CI: a full run takes about half an hour on an
# idle 2-core machine). Usage:
#   tests/mutation/run.sh                      # every file of the security core, one Stryker run per file
#   tests/mutation/run.sh Pointers/ObjectKeys.cs Integrity/VerifyingReadStream.cs   # only these (paths under src/PayloadGen)
#   MUTATION_TOGETHER=http tests/mutation/run.sh Http/UploadSlot.cs Http/HttpOffloadAnswerWriter.cs   # one run named "http"
# One run per file keeps each run short enough to finish on a loaded machine. MUTATION_TOGETHER runs the given files
# in one Stryker run instead (the build and the initial test run, most of a short run, are paid once); each file's
# score is printed either way.
# Reports: artifacts/mutation/<file>/reports/mutation-report.{html,json}; a summary line per file is printed.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

# The security core: what decides whether a pointer is followed, what the consumer accepts as the payload, and
# what the producer writes (headers, keys, hashes), what an HTTP client is handed (upload slots, redirects) and how a
# streamed upload is hashed and aborted. Add a file here when security code moves or is added.
default_files=(
  Pointers/PointerPolicy.cs
  Pointers/PayloadPointerReader.cs
  Pointers/ObjectKeys.cs
  Integrity/VerifyingReadStream.cs
  Integrity/Sha256Hex.cs
  Queues/QueueBatch.cs
  Queues/QueueEventReader.cs
  Runtime/ClaimCheckRuntime.Queues.cs
  Storage/S3ObjectSettings.cs
  Storage/ObjectTagging.cs
  Storage/StoredPayload.cs
  Http/UploadSlot.cs
  Http/ClaimCheckRuntime.Uploads.cs
  Http/ClaimCheckRuntime.Http.cs
  Http/HttpOffloadAnswerWriter.cs
  Http/HttpUploadRefusal.cs
  Streaming/PartUploader.cs
  Streaming/StreamedOffload.cs
  Storage/S3MultipartUpload.cs
)

if [[ $# -gt 0 ]]; then
  files=("$@")
else
  files=("${default_files[@]}")
fi

# The SDK here carries runtime 10 only; Stryker's own process targets an older runtime.
export DOTNET_ROLL_FORWARD=Major
dotnet tool restore >/dev/null

out_root="$root/artifacts/mutation"
mkdir -p "$out_root"

# One Stryker run over the given files: $1 names the run, the rest are paths under src/PayloadGen.
run_stryker() {
  local name="$1"
  shift
  local out="$out_root/$name"
  local mutate=""
  for file in "$@"; do mutate+="${mutate:+, }\"**/src/PayloadGen/$file\""; done
  rm -rf "$out"
  mkdir -p "$out"
  echo "=== $*"
  # perTest coverage runs only the tests that reach a mutant; "mutate" limits mutation to these files. Stryker
  # reads coverage-analysis from a configuration file only, so each run gets its own. The test project starts
  # s3rver itself (tests/s3rver), so the S3 tests take part.
  cat > "$out/stryker-config.json" <<JSON
{
  "stryker-config": {
    "project": "PayloadGen.csproj",
    "test-projects": ["$root/tests/PayloadGen.Tests/PayloadGen.Tests.csproj"],
    "target-framework": "net10.0",
    "configuration": "Release",
    "coverage-analysis": "perTest",
    "mutate": [$mutate],
    "reporters": ["html", "json", "progress"],
    "concurrency": ${MUTATION_CONCURRENCY:-2},
    "thresholds": { "high": 90, "low": 80, "break": 0 }
  }
}
JSON
  (cd "$root/tests/PayloadGen.Tests" && dotnet stryker --config-file "$out/stryker-config.json" --output "$out" --skip-version-check) \
    > "$out_root/$name.log" 2>&1 || echo "stryker failed on $*: see $out_root/$name.log" >&2
  # The score of each file: (killed + timeout) / (killed + timeout + survived + no coverage); compile errors and
  # ignored mutants do not count, as in Stryker's own total.
  local report="$out/reports/mutation-report.json"
  if [[ -f "$report" ]] && command -v jq >/dev/null; then
    jq -r '.files | to_entries[] | select(any(.value.mutants[]; .status != "Ignored")) | .key as $f | .value.mutants
      | (map(select(.status == "Killed" or .status == "Timeout")) | length) as $k
      | (map(select(.status == "Survived" or .status == "NoCoverage")) | length) as $s
      | (map(select(.status == "CompileError")) | length) as $c
      | "\($f | sub(".*/src/PayloadGen/"; "")): \(if $k + $s > 0 then ($k * 10000 / ($k + $s) | floor) / 100 else "n/a" end) % (\($k) killed, \($s) survived or not covered, \($c) compile errors)"' "$report"
  else
    grep -E "final mutation score" "$out_root/$name.log" || true
  fi
}

existing=()
for file in "${files[@]}"; do
  if [[ -f "src/PayloadGen/$file" ]]; then
    existing+=("$file")
  else
    echo "skipped: src/PayloadGen/$file does not exist" >&2
  fi
done

if [[ -n "${MUTATION_TOGETHER:-}" ]]; then
  # One run for all the files: the build and the initial test run (most of a short run) are paid once.
  run_stryker "$MUTATION_TOGETHER" "${existing[@]}"
else
  for file in "${existing[@]}"; do
    name="${file//\//_}"
    run_stryker "${name%.cs}" "$file"
  done
fi
