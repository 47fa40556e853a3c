#!/usr/bin/env bash
# Mutation testing of PayloadGen's security core (opt-in, not in CI: a full run takes about half an hour on an
# idle 2-core machine). Usage:
#   tests/mutation/run.sh                      # every file of the security core, one Stryker run per file
#   tests/mutation/run.sh Pointers/ObjectKeys.cs Integrity/VerifyingReadStream.cs   # only these (paths under src/PayloadGen)
#   MUTATION_TOGETHER=1 tests/mutation/run.sh A.cs B.cs   # these files in ONE Stryker run (one build, one initial test run)
#   MUTATION_TEST_FILTER='FullyQualifiedName~PayloadGen.Tests.Queues' tests/mutation/run.sh Queues/QueueBatch.cs
#       # only these tests (dotnet test --filter syntax): a shorter initial run, but a mutant only another test kills
#       # then survives, so a filtered score is a lower bound
# One run per file keeps each run short enough to finish on a loaded machine and gives a score per file; one run
# for several files saves the build and the initial test run (about half of a small file's run) per extra file.
# Reports: artifacts/mutation/<file or "together">/reports/mutation-report.{html,json}; a score per file is printed.
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
  Runtime/HydrationRequest.cs
  Streaming/HydratedSequence.cs
  Streaming/ItemSizeGuard.cs
  Errors/RedactedUrl.cs
)

# Files whose tests that matter are multi-megabyte s3rver uploads are scored with the tests that cover them quickly
# (in-process stores with small parts, s3rver only where S3's own behaviour matters), unless MUTATION_TEST_FILTER says
# otherwise: with every test, a run of the streamed upload takes hours. The score is then a lower bound.
streamed_upload_tests='FullyQualifiedName~StreamedOffloadContractTests|FullyQualifiedName~StreamedDehydrationTests|FullyQualifiedName~MultipartUploadS3Tests|FullyQualifiedName~StreamedPartUploadTests|FullyQualifiedName~StreamedUploadContextTests'
# Hydration of IAsyncEnumerable<T> requests: the adversarial tests and the s3rver tests of stored arrays, without the
# streamed uploads the other StreamedOffloadS3Tests make.
sequence_tests='FullyQualifiedName~Adversarial|FullyQualifiedName~StreamedOffloadS3Tests.Null_|FullyQualifiedName~StreamedOffloadS3Tests.Stored_array|FullyQualifiedName~StreamedOffloadS3Tests.Tampered_array|FullyQualifiedName~StreamedOffloadS3Tests.Inline_array'
declare -A fast_tests=(
  [Streaming/HydratedSequence.cs]="$sequence_tests"
  [Streaming/ItemSizeGuard.cs]="$sequence_tests"
  [Streaming/PartUploader.cs]="$streamed_upload_tests"
  [Streaming/StreamedOffload.cs]="$streamed_upload_tests"
  [Storage/S3MultipartUpload.cs]="$streamed_upload_tests"
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

# The score of each mutated file in a report (Stryker prints only the total): killed and timed-out mutants over all
# measured ones (compile errors and ignored mutants are not measured).
print_scores() {
  python3 - "$1" <<'PY' || true
import json, sys
report = json.load(open(sys.argv[1]))
for name, data in sorted(report["files"].items()):
    statuses = [m["status"] for m in data["mutants"]]
    detected = sum(s in ("Killed", "Timeout") for s in statuses)
    measured = sum(s in ("Killed", "Timeout", "Survived", "NoCoverage") for s in statuses)
    if measured:
        print(f"{name.split('/src/PayloadGen/')[-1]}: {100 * detected / measured:.2f} % ({detected} of {measured} detected; "
              f"{statuses.count('Survived')} survived, {statuses.count('NoCoverage')} not covered, {statuses.count('CompileError')} compile errors)")
PY
}

runs=()
if [[ "${MUTATION_TOGETHER:-0}" == 1 ]]; then
  runs=("together")
else
  runs=("${files[@]}")
fi

for run in "${runs[@]}"; do
  if [[ "$run" == together ]]; then
    group=()
    for f in "${files[@]}"; do
      if [[ -f "src/PayloadGen/$f" ]]; then group+=("$f"); else echo "skipped: src/PayloadGen/$f does not exist" >&2; fi
    done
    name=together
  else
    if [[ ! -f "src/PayloadGen/$run" ]]; then
      echo "skipped: src/PayloadGen/$run does not exist" >&2
      continue
    fi
    group=("$run")
    name="${run//\//_}"
    name="${name%.cs}"
  fi
  mutate=""
  for f in "${group[@]}"; do mutate+="${mutate:+, }\"**/src/PayloadGen/$f\""; done
  out="$out_root/$name"
  rm -rf "$out"
  echo "=== ${group[*]}"
  # perTest coverage runs only the tests that reach a mutant; "mutate" limits mutation to the run's file(s). Stryker
  # reads coverage-analysis from a configuration file only, so each run gets its own. The test project starts
  # s3rver itself (tests/s3rver), so the S3 tests take part.
  mkdir -p "$out"
  # The run's tests: MUTATION_TEST_FILTER, else the fast tests its files share (all of them must have the same).
  tests="${MUTATION_TEST_FILTER:-}"
  if [[ -z "$tests" ]]; then
    tests="${fast_tests[${group[0]}]:-}"
    for f in "${group[@]}"; do
      [[ "${fast_tests[$f]:-}" == "$tests" ]] || tests=""
    done
    [[ -n "$tests" ]] && echo "    with the tests that cover it quickly: $tests"
  fi
  filter=""
  [[ -n "$tests" ]] && filter=$'\n    "test-case-filter": "'"$tests"'",'
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
    "concurrency": ${MUTATION_CONCURRENCY:-2},$filter
    "thresholds": { "high": 90, "low": 80, "break": 0 }
  }
}
JSON
  (cd "$root/tests/PayloadGen.Tests" && dotnet stryker --config-file "$out/stryker-config.json" --output "$out" --skip-version-check) \
    > "$out_root/$name.log" 2>&1 || echo "stryker failed on ${group[*]}: see $out_root/$name.log" >&2
  grep -E "final mutation score" "$out_root/$name.log" || true
  [[ -f "$out/reports/mutation-report.json" ]] && print_scores "$out/reports/mutation-report.json"
done
