#!/usr/bin/env bash
# clang-tidy over ctnn's headers, with the checks in .clang-tidy; exits non-zero on any
# finding. Headers are not translation units, so it checks one that includes every
# header under include/ctnn (in sorted order, which also shows each one compiles after
# any other). The models train while it parses: allow half a minute.
#
#   tools/clang-tidy.sh            # CLANG_TIDY=clang-tidy-19 tools/clang-tidy.sh for another one
set -euo pipefail
cd "$(dirname "$0")/.."
tidy=${CLANG_TIDY:-clang-tidy}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tu="$work/all_headers.cpp"
(cd include && find ctnn -name '*.hpp' | LC_ALL=C sort) | sed 's|.*|#include <&>|' > "$tu"
echo "clang-tidy: $("$tidy" --version | grep -i version | head -1 | sed 's/^ *//'), $(wc -l < "$tu") headers"

# The flags the ctnn::ctnn target gives Clang (CMakeLists.txt).
status=0
"$tidy" --quiet --config-file=.clang-tidy --warnings-as-errors='*' "$tu" -- \
    -std=c++20 "-I$PWD/include" -ffp-contract=off -fconstexpr-steps=2147483647 2> "$work/stderr" || status=$?
noise='^[0-9]+ (warnings?|errors?) (generated|treated as errors)\.?$|^Suppressed [0-9]+ warnings|^Use -header-filter'
grep -v -E "$noise" "$work/stderr" >&2 || true
if [ "$status" -ne 0 ]; then
    echo "clang-tidy: findings above (exit status $status)" >&2
    exit 1
fi
echo "clang-tidy: no findings"
