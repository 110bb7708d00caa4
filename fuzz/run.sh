#!/usr/bin/env bash
# Builds every fuzz target and runs each for SECONDS (default 20):
#   bash fuzz/run.sh [SECONDS_PER_TARGET]
# Stable Rust only: libFuzzer comes from the libfuzzer-sys crate (its C++ is built with the system
# c++), and coverage comes from LLVM's SanitizerCoverage pass turned on with `-C` flags, which
# stable rustc accepts. Overflow checks and debug assertions are on (see Cargo.toml).
# Each target starts from fuzz/seeds/<target>/ and keeps what it learns in fuzz/out/ (git-ignored):
# out/corpus/<target>/ grows across runs, out/artifacts/<target>/ holds crashing, timing-out and
# out-of-memory inputs. Prints per target the executions and findings; exits 1 on any finding.
# Environment: CARGO (default cargo) runs cargo, e.g. CARGO=/path/to/lock-wrapper; FUZZ_TARGETS
# picks targets (space-separated); FUZZ_JOBS runs that many targets at once (default 1).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

seconds="${1:-20}"
cargo="${CARGO:-cargo}"
jobs="${FUZZ_JOBS:-1}"
all_targets=(ingest_txt ingest_md ingest_html ingest_docx ingest_pdf ingest_timeml pipeline pipeline_dct project_file timeline_json pos_model)
read -r -a targets <<<"${FUZZ_TARGETS:-${all_targets[*]}}"

# Host and target are named, so build scripts and proc macros (which run inside cargo and rustc)
# are built without the coverage pass; only code that ends up in the fuzz binaries gets it.
host="$(rustc -vV | sed -n 's/^host: //p')"
export RUSTFLAGS="-Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 \
-Cllvm-args=-sanitizer-coverage-inline-8bit-counters -Cllvm-args=-sanitizer-coverage-pc-table \
-Cllvm-args=-sanitizer-coverage-trace-compares --cfg fuzzing -Cdebug-assertions -Coverflow-checks"
export CARGO_TARGET_DIR="$PWD/target"

echo "== fuzz: format and lints of the fuzz crate"
"$cargo" fmt --check
# Lints with the same flags and target, so it shares the build's dependencies' build scripts.
"$cargo" clippy --release --target "$host" --all-targets -- -D warnings

echo "== fuzz: build (release, SanitizerCoverage, target $host)"
"$cargo" build --release --target "$host" --bins
bin_dir="$CARGO_TARGET_DIR/$host/release"

# libFuzzer limits: 2 GB of memory, 10 s per input, inputs up to 64 KiB.
limits=(-rss_limit_mb=2048 -timeout=10 -max_len=65536 -print_final_stats=1)

run_one() {
    local target="$1"
    local corpus="out/corpus/$target" artifacts="out/artifacts/$target" log="out/logs/$target.log"
    mkdir -p "$corpus" "$artifacts" out/logs
    local dict=()
    [ -f "dicts/$target.dict" ] && dict=(-dict="dicts/$target.dict")
    touch "out/logs/$target.start"
    local status=0
    "$bin_dir/$target" "${limits[@]}" "${dict[@]}" -max_total_time="$seconds" \
        -artifact_prefix="$artifacts/" "$corpus" "seeds/$target" >"$log" 2>&1 || status=$?
    echo "$status" >"out/logs/$target.status"
}

echo "== fuzz: running ${#targets[@]} target(s), $seconds s each, $jobs at a time"
running=0
for target in "${targets[@]}"; do
    run_one "$target" &
    running=$((running + 1))
    if [ "$running" -ge "$jobs" ]; then
        wait -n || true
        running=$((running - 1))
    fi
done
wait

found=0
printf '%-15s %12s %9s  %s\n' target executions corpus findings
for target in "${targets[@]}"; do
    log="out/logs/$target.log"
    status="$(cat "out/logs/$target.status" 2>/dev/null || echo missing)"
    execs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)"
    corpus_size="$(find "out/corpus/$target" -type f | wc -l)"
    findings=()
    while IFS= read -r artifact; do
        findings+=("$artifact")
    done < <(find "out/artifacts/$target" -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' -o -name 'leak-*' \) -newer "out/logs/$target.start" 2>/dev/null)
    if [ "${#findings[@]}" -gt 0 ]; then
        found=1
        printf '%-15s %12s %9s  FOUND (libFuzzer exit %s): %s\n' "$target" "${execs:-?}" "$corpus_size" "$status" "fuzz/${findings[*]}"
    elif [ "$status" != 0 ]; then
        found=1
        printf '%-15s %12s %9s  ERROR: libFuzzer exit %s and no artifact (see its log)\n' "$target" "${execs:-?}" "$corpus_size" "$status"
    else
        printf '%-15s %12s %9s  none\n' "$target" "${execs:-?}" "$corpus_size"
    fi
done

if [ "$found" -ne 0 ]; then
    echo
    for target in "${targets[@]}"; do
        status="$(cat "out/logs/$target.status" 2>/dev/null || echo missing)"
        [ "$status" = 0 ] && continue
        echo "---- $target (fuzz/out/logs/$target.log), last lines:"
        grep -v '^#[0-9]' "out/logs/$target.log" | tail -25
    done
    echo
    echo "Findings. Reproduce one with: fuzz/target/$host/release/TARGET fuzz/out/artifacts/TARGET/FILE"
    exit 1
fi
echo "== fuzz: no findings"
