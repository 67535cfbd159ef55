#!/usr/bin/env bash
# Installs, from Debian 12's own archive, what ctnn's build, tests and benchmarks need.
# Idempotent and quiet when everything is there already.
set -euo pipefail
packages=(cmake make g++ clang-14 clang-19 clang-tidy libboost-dev catch2 libbenchmark-dev python3-numpy time zlib1g-dev python3-sklearn dataset-fashion-mnist)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
    echo "installing: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
