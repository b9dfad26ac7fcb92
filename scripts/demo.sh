#!/usr/bin/env bash
# The whole loop on the example study, run on a copy in demo/ (out of git) so
# the committed study stays as our first user wrote it. Each step is a command
# a researcher would type.
set -euo pipefail
venv=${1:-.venv}
study=${2:-studies/account-management-effectiveness}
research="$venv/bin/research"
name=$(basename "$study")
copy="demo/$name"

rm -rf "$copy"
mkdir -p demo
cp -R "$study" "$copy"

step() { printf '\n$ research %s\n' "$*" >&2; "$research" "$@"; }

step validate "$copy"
step transcript "$copy/transcripts/2026-02-17-dominic.vtt"
step process "$copy" --no-input
step status "$copy"
step verify "$copy"
step report "$copy"
step export "$copy" --format qdpx
step search "spreadsheet" --root demo --limit 3
# The linter reports the example plan's remaining findings and exits 1 by design.
step lint "$copy" || true

printf '\nThe findings report: %s\n' "$copy/reports/findings.html" >&2
printf 'and as Markdown:     %s\n' "$copy/reports/findings.md" >&2
