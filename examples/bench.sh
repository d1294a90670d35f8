#!/usr/bin/env bash
# Benchmarks relapse-plan as a person runs it: whole-process wall time
# (hyperfine, median of many runs) and peak memory (GNU time), for each
# command at 1, 100 and 10,000 revisions (10 triggers) and at 200 triggers
# (100 revisions), beside a hello-world Rust program started the same way.
#
#   bash examples/bench.sh            # needs hyperfine and GNU time:
#                                     # apt-get install hyperfine time
# Prints a Markdown table for the README.
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in hyperfine /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "needs $tool (apt-get install hyperfine time)" >&2; exit 1; }
done

cargo build --release --quiet --bin relapse-plan --example hello --example bench_fixture
bin=$PWD/target/release/relapse-plan
hello=$PWD/target/release/examples/hello
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fixture() { # name triggers revisions
  target/release/examples/bench_fixture "$work/$1" "$2" "$3"
}
fixture r1 10 1
fixture r100 10 100
fixture r10000 10 10000
fixture t200 200 100

export RELAPSE_PLAN_NOW=2026-11-22T10:15:00Z

# median wall time in ms of a command (hyperfine), then peak RSS in MiB.
measure() { # plan-dir command...
  local dir=$1; shift
  local json=$work/result.json
  # -N runs without a shell, as a person's shell would exec it; arguments are
  # split on spaces, so keep them to single words.
  RELAPSE_PLAN_DIR=$dir hyperfine --warmup 5 --runs 100 -N --export-json "$json" "$*" >/dev/null 2>&1
  local ms
  ms=$(python3 -c "import json,sys; print('%.1f' % (json.load(open('$json'))['results'][0]['median']*1000))")
  local kb
  kb=$(RELAPSE_PLAN_DIR=$dir /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1)
  printf '%s ms, %s MiB' "$ms" "$(python3 -c "print('%.1f' % ($kb/1024))")"
}

echo "| command | 1 rev · 10 triggers | 100 revs · 10 triggers | 10,000 revs · 10 triggers | 100 revs · 200 triggers |"
echo "| --- | --- | --- | --- | --- |"
row() { # label args...
  local label=$1; shift
  printf '| %s |' "$label"
  for f in r1 r100 r10000 t200; do
    printf ' %s |' "$(measure "$work/$f" "$@")"
  done
  echo
}
row "hello world (the floor)" "$hello"
row '`now`' "$bin" now
row '`show`' "$bin" show
row '`history`' "$bin" history
row '`rehearse --list`' "$bin" rehearse --list
row '`print --format pdf`' "$bin" print --format pdf -o "$work/plan.pdf"
row '`print --card --format pdf`' "$bin" print --card --format pdf -o "$work/card.pdf"
row 'a saving edit (`step add`)' "$bin" step add Breathe

# The daily check-in: does `now` stay as fast with years of check-ins?
fixture c0 10 1
fixture c1095 10 1 1095
echo
echo "| command | 1 rev · 10 triggers, no check-ins | 1 rev · 10 triggers, 3 years of daily check-ins (1,095) |"
echo "| --- | --- | --- |"
row2() { # label args...
  local label=$1; shift
  printf '| %s |' "$label"
  for f in c0 c1095; do
    printf ' %s |' "$(measure "$work/$f" "$@")"
  done
  echo
}
row2 '`now`' "$bin" now
row2 '`show`' "$bin" show
row2 '`trends --days 90`' "$bin" trends --days 90
row2 'a check-in (`check-in --urge 3`)' "$bin" check-in --urge 3
