#!/usr/bin/env bash
# Times `iptables-policy check` of the built-in pack, cold (empty compile cache: every policy compiled)
# and warm (cache filled by an earlier run), against `iptables-restore --test` on the same generated
# kube-proxy snapshots, and the pack's cold compile alone (cold minus warm check of a 10-line ruleset).
# Issue 4's goals: warm check of 10k services within the time of iptables-restore --test; a dozen
# policies compiled cold in under 3 s.
#
#   tests/IptablesPolicy.Benchmarks/check-vs-restore.sh [RUNS=5] [SERVICES...=1000 10000 50000]
#
# The tool is published the way the package ships it (Release, framework-dependent; on linux-x64 its libraries
# carry ReadyToRun copies, the main assembly is JIT-compiled); IPP_R2R=1 publishes it wholly ReadyToRun for this
# machine's runtime identifier instead, as a user may for a CI image.
# Needs root and iptables (iptables-restore --test talks to the kernel) and hyperfine.
set -euo pipefail

runs="${1:-5}"
shift || true
if [ $# -gt 0 ]; then sizes=("$@"); else sizes=(1000 10000 50000); fi
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$(mktemp -d /tmp/ipp-check.XXXXXX)"
trap 'rm -rf "$work"' EXIT

restore="$(command -v iptables-restore || echo /usr/sbin/iptables-restore)"
[ -x "$restore" ] || { echo "iptables-restore not found (apt-get install iptables)" >&2; exit 1; }
command -v hyperfine > /dev/null || { echo "hyperfine not found (apt-get install hyperfine)" >&2; exit 1; }

if [ "${IPP_R2R:-0}" = 1 ]; then
    rid="linux-$(uname -m | sed 's/x86_64/x64/; s/aarch64/arm64/')"
    echo "publishing the CLI (Release, ReadyToRun, $rid) -> $work/cli" >&2
    dotnet publish "$root/src/IptablesPolicy.Cli" -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true -o "$work/cli" --nologo -v quiet >&2
    build="ReadyToRun $rid"
else
    echo "publishing the CLI (Release, framework-dependent, as packed) -> $work/cli" >&2
    dotnet publish "$root/src/IptablesPolicy.Cli" -c Release -o "$work/cli" --nologo -v quiet >&2
    build="framework-dependent, as packed (ReadyToRun libraries on linux-x64)"
fi
tool="$work/cli/iptables-policy"
# IPP_POLICIES=GLOB adds the user's policies to the pack.
extra=""
[ -n "${IPP_POLICIES:-}" ] && extra="--policies '$IPP_POLICIES'"
policies="$(eval "$tool list-policies $extra --cache-dir $work/warm" | tail -1)"

median() { awk -F, -v n="$1" '$1 == n { print $4 }' "$work/times.csv"; }

# shellcheck source=alternate.sh
source "$(dirname "${BASH_SOURCE[0]}")/alternate.sh"

tiny="$work/tiny.v4"
printf '*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n-A INPUT -p tcp -m tcp --dport 22 -j ACCEPT\nCOMMIT\n' > "$tiny"
hyperfine --runs "$runs" --export-csv "$work/times.csv" -i \
    --prepare "rm -rf $work/cold" --prepare true -n cold "$tool check $tiny $extra --cache-dir $work/cold" \
    -n warm "$tool check $tiny $extra --cache-dir $work/warm" >&2
compile="$(awk -v c="$(median cold)" -v w="$(median warm)" 'BEGIN { printf "%.2f", c - w }')"
summary=("pack: $policies; cold compile (cold minus warm check of a 6-line ruleset): ${compile} s (goal < 3 s); warm check of it: $(printf '%.2f' "$(median warm)") s")

for services in "${sizes[@]}"; do
    file="$work/kube-proxy-$services.v4"
    dotnet run -c Release --project "$root/tests/IptablesPolicy.TestData.Generate" -- --services "$services" --output "$file" >&2
    "$restore" --test "$file"
    hyperfine --runs "$runs" --warmup 1 --export-csv "$work/times.csv" -i \
        --prepare true --prepare "rm -rf $work/cold" --prepare true \
        -n restore "$restore --test $file" \
        -n cold "$tool check $file $extra --cache-dir $work/cold > /dev/null" \
        -n warm "$tool check $file $extra --cache-dir $work/warm > /dev/null" >&2
    r="$(median restore)"; c="$(median cold)"; w="$(median warm)"
    read -r ar aw < <(alternate "$restore --test $file" "$tool check $file $extra --cache-dir $work/warm" "$runs")
    summary+=("$(printf '%6d services (%7d lines): restore --test %.2f s | check cold %.2f s (%.2fx) | check warm %.2f s (%.2fx) | in turns: restore %.2f s, warm %.2f s (%.2fx)' \
        "$services" "$(wc -l < "$file")" "$r" "$c" "$(awk -v a="$c" -v b="$r" 'BEGIN { print a / b }')" "$w" "$(awk -v a="$w" -v b="$r" 'BEGIN { print a / b }')" \
        "$ar" "$aw" "$(awk -v a="$aw" -v b="$ar" 'BEGIN { print a / b }')")")
done

echo
echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(uname -r); $($restore --version 2>&1 | head -1); dotnet $(dotnet --version); $build; hyperfine medians of $runs runs"
printf '%s\n' "${summary[@]}"
