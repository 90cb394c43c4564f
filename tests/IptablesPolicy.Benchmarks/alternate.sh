# Sourced by the comparison scripts.
# Wall-time medians of N runs of two commands taken in turns (A, B, A, B, ...): hyperfine runs one command's
# runs back to back, so on a machine whose load drifts the turns give the steadier ratio.
alternate() {
    local a="$1" b="$2" n="$3" i start
    for i in $(seq "$n"); do
        start=$(date +%s%N); bash -c "$a" > /dev/null 2>&1; echo "A $(( $(date +%s%N) - start ))"
        start=$(date +%s%N); bash -c "$b" > /dev/null 2>&1; echo "B $(( $(date +%s%N) - start ))"
    done | awk '{ v[$1, ++c[$1]] = $2 / 1e9 } END {
        for (k = 0; k < 2; k++) { n = k ? "B" : "A"; m = c[n]
            for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (v[n, j] < v[n, i]) { t = v[n, i]; v[n, i] = v[n, j]; v[n, j] = t }
            printf "%s%.3f", k ? " " : "", (m % 2) ? v[n, (m + 1) / 2] : (v[n, m / 2] + v[n, m / 2 + 1]) / 2 }
        print "" }'
}
