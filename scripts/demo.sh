#!/usr/bin/env bash
# The whole loop on the example study, on a copy so the committed study stays
# as it is. Each step is a real command a researcher would run.
set -euo pipefail
venv=${1:-.venv}
study=${2:-studies/account-management-effectiveness}
research="$venv/bin/research"

work=$(mktemp -d)
cp -R "$study" "$work/"
copy="$work/$(basename "$study")"

step() { printf '\n$ %s\n' "$*" >&2; "$@"; }

step "$research" validate "$copy"
step "$research" status "$copy"
step "$research" status "$copy" --check
echo >&2
echo "Demo study (a copy): $copy" >&2
