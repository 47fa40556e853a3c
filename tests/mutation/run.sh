#!/usr/bin/env bash
# Mutation testing of PayloadGen's security core (opt-in, not in CI: a full run takes about half an hour on an
# idle 2-core machine). Usage:
#   tests/mutation/run.sh                      # every file of the security core, one Stryker run per file
#   tests/mutation/run.sh Pointers/ObjectKeys.cs Integrity/VerifyingReadStream.cs   # only these (paths under src/PayloadGen)
# One run per file keeps each run short enough to finish on a loaded machine and gives a score per file.
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

for file in "${files[@]}"; do
  if [[ ! -f "src/PayloadGen/$file" ]]; then
    echo "skipped: src/PayloadGen/$file does not exist" >&2
    continue
  fi
  name="${file//\//_}"
  name="${name%.cs}"
  out="$out_root/$name"
  rm -rf "$out"
  echo "=== $file"
  # perTest coverage runs only the tests that reach a mutant; "mutate" limits mutation to this one file. Stryker
  # reads coverage-analysis from a configuration file only, so each run gets its own. The test project starts
  # s3rver itself (tests/s3rver), so the S3 tests take part.
  mkdir -p "$out"
  cat > "$out/stryker-config.json" <<JSON
{
  "stryker-config": {
    "project": "PayloadGen.csproj",
    "test-projects": ["$root/tests/PayloadGen.Tests/PayloadGen.Tests.csproj"],
    "target-framework": "net10.0",
    "configuration": "Release",
    "coverage-analysis": "perTest",
    "mutate": ["**/src/PayloadGen/$file"],
    "reporters": ["html", "json", "progress"],
    "concurrency": ${MUTATION_CONCURRENCY:-2},
    "thresholds": { "high": 90, "low": 80, "break": 0 }
  }
}
JSON
  (cd "$root/tests/PayloadGen.Tests" && dotnet stryker --config-file "$out/stryker-config.json" --output "$out" --skip-version-check) \
    > "$out_root/$name.log" 2>&1 || echo "stryker failed on $file: see $out_root/$name.log" >&2
  grep -E "final mutation score" "$out_root/$name.log" || true
done
