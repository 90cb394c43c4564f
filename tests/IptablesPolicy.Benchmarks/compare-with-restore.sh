#!/usr/bin/env bash
# Compares `iptables-policy show FILE --format json` with `iptables-restore --test FILE` on the same
# generated 10k-service kube-proxy snapshot: wall-time medians (hyperfine, or repeated runs when it is
# missing), their ratio, peak RSS of both (median of /usr/bin/time -f %M), and the file size.
# The goal (issue 2): ours at most half the time of iptables-restore --test, peak RSS under 10x the file.
#
#   tests/IptablesPolicy.Benchmarks/compare-with-restore.sh [SERVICES] [RUNS]
#
# Needs the .NET SDK, iptables (iptables-restore --test talks to the kernel: run as root), GNU time
# (/usr/bin/time, package `time`); hyperfine is used when installed.
set -euo pipefail

services="${1:-10000}"
runs="${2:-10}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$(mktemp -d /tmp/ipp-compare.XXXXXX)"
trap 'rm -rf "$work"' EXIT

restore="$(command -v iptables-restore || echo /usr/sbin/iptables-restore)"
[ -x "$restore" ] || { echo "iptables-restore not found (apt-get install iptables)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time not found (apt-get install time)" >&2; exit 1; }

file="$work/kube-proxy-$services.v4"
echo "generating $services services -> $file" >&2
dotnet run -c Release --project "$root/tests/IptablesPolicy.TestData.Generate" -- --services "$services" --output "$file" >&2
echo "publishing the CLI (Release) -> $work/cli" >&2
dotnet publish "$root/src/IptablesPolicy.Cli" -c Release -o "$work/cli" --nologo -v quiet >&2
tool="$work/cli/iptables-policy"

ours="$tool show $file --format json"
theirs="$restore --test $file"
# Both must succeed before anything is timed.
$ours > /dev/null
$theirs

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

if command -v hyperfine > /dev/null; then
    hyperfine --warmup 2 --runs "$runs" --export-csv "$work/times.csv" -n iptables-restore "$theirs" -n iptables-policy "$ours > /dev/null" >&2
    # CSV columns: command,mean,stddev,median,user,system,min,max
    restore_s="$(awk -F, '$1 == "iptables-restore" { print $4 }' "$work/times.csv")"
    ours_s="$(awk -F, '$1 == "iptables-policy" { print $4 }' "$work/times.csv")"
    restore_cpu="$(awk -F, '$1 == "iptables-restore" { printf "%.3f", $5 + $6 }' "$work/times.csv")"
    ours_cpu="$(awk -F, '$1 == "iptables-policy" { printf "%.3f", $5 + $6 }' "$work/times.csv")"
    timer="hyperfine, $runs runs after 2 warm-ups"
else
    wall() { for _ in $(seq "$runs"); do local s; s=$(date +%s%N); bash -c "$1" > /dev/null; echo "$(( $(date +%s%N) - s ))"; done | median | awk '{ printf "%.4f", $1 / 1e9 }'; }
    restore_s="$(wall "$theirs")"
    ours_s="$(wall "$ours")"
    restore_cpu="n/a"
    ours_cpu="n/a"
    timer="$runs runs each, no warm-up (hyperfine not installed)"
fi

# shellcheck source=alternate.sh
source "$(dirname "${BASH_SOURCE[0]}")/alternate.sh"
read -r turns_restore turns_ours < <(alternate "$theirs" "$ours" "$runs")

rss() { for _ in $(seq 5); do /usr/bin/time -f %M -o "$work/rss" bash -c "exec $1" > /dev/null; cat "$work/rss"; done | median; }
restore_kb="$(rss "$theirs")"
ours_kb="$(rss "$ours")"
bytes="$(stat -c %s "$file")"
lines="$(wc -l < "$file")"

echo
echo "file: $services services, $lines lines, $bytes bytes ($(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1048576 }') MiB)"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(uname -r); $($restore --version 2>&1 | head -1); dotnet $(dotnet --version)"
echo "timing: $timer"
printf 'wall median: iptables-restore --test %.3f s, iptables-policy show --format json %.3f s, ratio ours/restore %.2f (goal <= 0.50)\n' \
    "$restore_s" "$ours_s" "$(awk -v a="$ours_s" -v b="$restore_s" 'BEGIN { print a / b }')"
printf 'in turns (%d pairs, one of each command after the other; steadier when the load drifts): iptables-restore --test %.3f s, iptables-policy %.3f s, ratio %.2f\n' \
    "$runs" "$turns_restore" "$turns_ours" "$(awk -v a="$turns_ours" -v b="$turns_restore" 'BEGIN { print a / b }')"
echo "CPU (user+system, mean; steadier than wall time on a busy machine): iptables-restore --test $restore_cpu s, iptables-policy $ours_cpu s"
printf 'peak RSS median of 5: iptables-restore --test %.1f MiB, iptables-policy %.1f MiB = %.1fx the file (goal < 10x)\n' \
    "$(awk -v k="$restore_kb" 'BEGIN { print k / 1024 }')" "$(awk -v k="$ours_kb" 'BEGIN { print k / 1024 }')" \
    "$(awk -v k="$ours_kb" -v b="$bytes" 'BEGIN { print k * 1024 / b }')"
