#!/usr/bin/env bash
# How the costs that grow with input grow: whole-process wall time
# (hyperfine, median) of a release build at 1x, 10x and 100x of a realistic
# size, up to the limits a file may reach (500 entries a list, 8 MiB a
# file, 50 tasks a homework). Each row should grow no faster than its
# input (n log n at worst): 100x the input, about 100x the time or less
# (most rows are far less: the start-up of the process dominates).
#
#   bash examples/scaling.sh        # needs hyperfine and python3
#
# Prints a Markdown table for the README ("Proven to hold").
set -euo pipefail
cd "$(dirname "$0")/.."

command -v hyperfine >/dev/null || { echo "needs hyperfine (apt-get install hyperfine)" >&2; exit 1; }
cargo build --release --quiet --bin relapse-plan --example bench_fixture
bin=$PWD/target/release/relapse-plan
fixture=$PWD/target/release/examples/bench_fixture
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export RELAPSE_PLAN_NOW=2026-11-28T19:00:00Z TZ=UTC

# A saving command changes the plan it is timed on: with FROM set, the
# plan folder is laid anew from FROM before each run (not timed).
printf '#!/bin/sh\nrm -rf "$2" && cp -a "$1" "$2"\n' >"$work/reset"
chmod +x "$work/reset"

# median wall time of a command in a plan folder, as "12.3 ms"
measure() { # plan-dir command...
  local dir=$1; shift
  local json=$work/result.json
  local prepare=()
  [ -z "${FROM:-}" ] || prepare=(--prepare "$work/reset $FROM $dir")
  # With REFUSED set the command is meant to fail (and say why).
  [ -z "${REFUSED:-}" ] || prepare+=(-i)
  RELAPSE_PLAN_DIR=$dir hyperfine --warmup 2 --runs "${RUNS:-10}" -N "${prepare[@]}" \
    --export-json "$json" "$*" >/dev/null
  python3 -c "import json; print('%.1f ms' % (json.load(open('$json'))['results'][0]['median']*1000))"
}

# A hand-in with 50 tasks (the most a homework may ask), a plan of
# 5*k triggers, 20*k revisions, 40*k rehearsals, 10*k exercises and 4*k
# daily check-ins (400, the most a hand-in may carry, at 100x).
hand_in() { # k file
  python3 - "$1" "$2" <<'PY'
import datetime, sys
k, path = int(sys.argv[1]), sys.argv[2]

def moment(i, n):
    # the i-th of n moments spread over the five days of the homework, in order
    at = datetime.datetime(2026, 11, 23) + datetime.timedelta(seconds=i * 5 * 86400 // n)
    return at.strftime("%Y-%m-%dT%H:%M:%SZ")

kinds = ["map-triggers", "rank-triggers", "add-help-contacts", "rehearse-top",
         "practise-urge-surfing", "review-safer-environment"]
out = ['schema_version = 3', 'kind = "relapse-plan-hand-in"',
       'submitted_at = 2026-11-28T18:00:00Z', '', '[assignment]', 'schema_version = 1',
       'kind = "relapse-plan-homework"', 'id = "20261122t101500z-dr-patel-sam"',
       'therapist = "Dr Patel"', 'client = "Sam"', 'assigned = 2026-11-22', 'due = 2026-11-29', '']
for i in range(50):
    kind = kinds[i % len(kinds)]
    out += ['[[assignment.tasks]]', f'task = "{kind}"', 'count = 2']
    if kind == "rehearse-top":
        out.append('times = 2')
    out.append('')
triggers = 5 * k
for r in range(20 * k):
    t = r % triggers
    out += ['[[revisions]]', f'revision = {r + 4}',
            f'saved_at = {moment(r, 20 * k)}',
            f'change_note = "changed trigger number {t}"', '',
            '[[revisions.changes]]', 'change = "field"', 'of = "trigger"',
            f'id = "trigger-{t}"', 'field = "likelihood"', f'old = {r % 6}', f'new = {(r + 1) % 6}', '']
out += ['[practice]', 'version = 1', '']
for i in range(40 * k):
    out += ['[[practice.rehearsals]]', f'trigger = "trigger-{i % triggers}"',
            f'at = {moment(i, 40 * k)}',
            'recalled = "some"', f'confidence = {(i * 7) % 101}', '']
for i in range(10 * k):
    out += ['[[practice.exercises]]', 'kind = "surf"',
            f'at = {moment(i, 10 * k)}',
            'seconds = 900', 'completed = true', 'ratings = [7, 8, 5, 3]', '']
for i in range(4 * k):
    day = datetime.date(2026, 11, 28) - datetime.timedelta(days=4 * k - 1 - i)
    out += ['[[check_ins]]', f'day = {day}', f'times = [{day}T21:00:00Z]',
            f'urge = {i % 11}', 'acted = "no"', f'distress = {(i * 3) % 11}', '']
out += ['[plan]', 'schema_version = 3', 'revision = 3', 'name = "Sam"', '']
for t in range(triggers):
    out += ['[[plan.triggers]]', f'id = "trigger-{t}"',
            f'situation = "Situation number {t}, with some words about it"',
            f'likelihood = {t % 6}', f'intensity = {5 - t % 6}', f'confidence = {(t % 6) * 20}', '']
open(path, "w").write("\n".join(out) + "\n")
PY
}

# A vCard file of one person whose name holds `n` quoted-printable soft
# line breaks, and one of `n` people, most of them sharing three names.
qp_vcard() { # n file
  python3 - "$1" "$2" <<'PY'
import sys
n, path = int(sys.argv[1]), sys.argv[2]
name = "=\r\n".join(["=41"] * n)
open(path, "w").write(
    "BEGIN:VCARD\r\nVERSION:2.1\r\nFN;ENCODING=QUOTED-PRINTABLE:" + name +
    "\r\nTEL:+44 7700 900123\r\nEND:VCARD\r\n")
PY
}
people_vcard() { # n file
  python3 - "$1" "$2" <<'PY'
import sys
n, path = int(sys.argv[1]), sys.argv[2]
names = ["Sam Smith", "Sam Smyth", "Sam Smith-Jones"]
cards = []
for i in range(n):
    name = names[i % 3] if i % 2 else f"Person {i}"
    cards.append(f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:{name}\r\nTEL:+44 7700 9{i:05d}\r\nEND:VCARD\r\n")
open(path, "w").write("".join(cards))
PY
}

# A plan of n triggers saved twice, every trigger changed in between.
diff_plan() { # n dir
  "$fixture" "$2" "$1" 1
  sed -i 's/with some words about it/with other words about it/; s/^likelihood = \(.\)/likelihood = 5/' "$2/plan.toml"
  RELAPSE_PLAN_DIR=$2 "$bin" reason add "Saturday mornings" >/dev/null 2>&1
}

# A plan with n contacts of one name, for the id the next one gets.
contacts_plan() { # n dir
  "$fixture" "$2" 1 1
  python3 - "$1" "$2/plan.toml" <<'PY'
import sys
n, path = int(sys.argv[1]), sys.argv[2]
text = open(path).read()
for i in range(n):
    suffix = "" if i == 0 else f"-{i + 1}"
    text += f'\n[[contacts]]\nid = "sam{suffix}"\nname = "Sam"\nphone = "+44 7700 9{i:05d}"\n'
open(path, "w").write(text)
PY
  RELAPSE_PLAN_DIR=$2 "$bin" reason add "Saturday mornings" >/dev/null 2>&1
}

# A plan of n people (one in 50 marked not to involve), n crisis steps
# each naming one of them with their number, and n former numbers: what
# `now` marks beside every step, worked out once a screen.
people_plan() { # n dir
  mkdir -p "$2" && chmod 700 "$2"
  python3 - "$1" "$2/plan.toml" <<'PY'
import sys
n, path = int(sys.argv[1]), sys.argv[2]
out = ['schema_version = 4', 'revision = 1', 'saved_at = 2026-11-29T20:03:00Z',
       'name = "T"', 'country = "AE"', '']
for i in range(n):
    role = "do-not-involve" if i % 50 == 0 else "help"
    out += ['[[contacts]]', f'id = "p{i}"', f'name = "Person Name{i} Other{i}"',
            f'phone = "+971 50 {100 + i:03d} {1000 + i:04d}"', f'role = "{role}"', '']
for i in range(n):
    out += ['[[crisis_steps]]',
            f'text = "Call Name{i} on +971 50 {100 + i:03d} {1000 + i:04d} or walk to the park"', '']
for i in range(n):
    out += ['[[former_phones]]', f'contact = "p{i}"',
            f'phone = "+971 52 {100 + i:03d} {1000 + i:04d}"', '']
open(path, "w").write("\n".join(out))
PY
  chmod 600 "$2/plan.toml"
}

echo "| what grows | 1× | 10× | 100× |"
echo "| --- | --- | --- | --- |"

row=()
sizes=()
for k in 1 10 100; do
  hand_in "$k" "$work/hand-in-$k.toml"
  sizes+=("$(( $(stat -c %s "$work/hand-in-$k.toml") / 1024 )) KB")
  row+=("$(measure "$work/empty" "$bin" review "$work/hand-in-$k.toml")")
done
echo "| \`review\` of a hand-in with 50 tasks: 5/50/500 triggers, 40/400/4,000 rehearsals, 20/200/2,000 revisions, 4/40/400 check-ins (${sizes[0]} / ${sizes[1]} / ${sizes[2]}) | ${row[0]} | ${row[1]} | ${row[2]} |"

row=()
for n in 4000 40000 400000; do
  qp_vcard "$n" "$work/qp-$n.vcf"
  [ -d "$work/one" ] || "$fixture" "$work/one" 1 1
  row+=("$(REFUSED=1 FROM=$work/one measure "$work/qp-plan" "$bin" contact import "$work/qp-$n.vcf")")
done
echo "| \`contact import\`: quoted-printable soft line breaks in one name (4,000 / 40,000 / 400,000; 20 KB to 2 MB), all decoded before the name is refused as too long | ${row[0]} | ${row[1]} | ${row[2]} |"

row=()
for n in 5 49 498; do
  people_vcard "$n" "$work/people-$n.vcf"
  row+=("$(FROM=$work/one measure "$work/import-plan" "$bin" contact import "$work/people-$n.vcf" --yes)")
done
echo "| \`contact import\`: people in one file, half sharing three names (5 / 49 / 498, up to the 500 a plan holds) | ${row[0]} | ${row[1]} | ${row[2]} |"

row=()
for n in 4 49 498; do
  contacts_plan "$n" "$work/contacts-$n"
  # "Sam." and not "Sam": a name that looks the same as a contact's is
  # refused; this one makes the same id, `sam`, so the id is made unique.
  row+=("$(FROM=$work/contacts-$n measure "$work/contacts-run" "$bin" contact add --name Sam. --phone 01632960000)")
done
echo "| \`contact add\` of a name whose id the plan already has 4 / 49 / 498 times (\`Sam.\` beside that many called Sam; its id, \`sam-N\`, made unique) | ${row[0]} | ${row[1]} | ${row[2]} |"

row=()
for n in 5 50 500; do
  diff_plan "$n" "$work/diff-$n"
  row+=("$(measure "$work/diff-$n" "$bin" diff 1 2)")
done
echo "| \`diff\` of two revisions, every trigger changed (5 / 50 / 500 triggers) | ${row[0]} | ${row[1]} | ${row[2]} |"

for cmd in now show; do
  row=()
  for n in 100 1000 10000; do
    [ -d "$work/hist-$n" ] || "$fixture" "$work/hist-$n" 10 "$n"
    row+=("$(measure "$work/hist-$n" "$bin" "$cmd")")
  done
  echo "| \`$cmd\` with a long history (100 / 1,000 / 10,000 revisions) | ${row[0]} | ${row[1]} | ${row[2]} |"
done

row=()
for n in 5 50 500; do
  [ -d "$work/people-$n" ] || people_plan "$n" "$work/people-$n"
  row+=("$(measure "$work/people-$n" "$bin" now)")
done
echo "| \`now\` of a plan with 5 / 50 / 500 people, as many crisis steps naming them with their numbers, and as many former numbers | ${row[0]} | ${row[1]} | ${row[2]} |"
