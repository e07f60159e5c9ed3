#!/usr/bin/env bash
# The dev-set scores of a checkout: re3d-open (entities), wikinews-gum (quotes and entities),
# the bundled samples, the saved pages (html-samples/compare.py).
set -u
wt=$(cd "${1:-$(dirname "$0")/..}" && pwd)
shared=/work/shared
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for set in re3d-open wikinews-gum; do
  "$wt/.venv/bin/dossier" build --dossier "$shared/devsets/$set" --docs "$out/$set" --no-cache -q >/dev/null 2>&1
  echo "== $set: score_ner"
  python3 "$shared/tools/score_ner.py" "$out/$set/dossier.json" "$shared/devsets/$set/gold.json" | tail -12
done
echo "== wikinews-gum: score.py (quotes)"
python3 "$shared/tools/score.py" "$out/wikinews-gum/dossier.json" "$shared/devsets/wikinews-gum/gold.yml" | tail -15
"$wt/.venv/bin/dossier" build --dossier "$wt/dossier" --docs "$out/seeds" --no-cache -q >/dev/null 2>&1
echo "== seeds"
python3 "$shared/tools/score.py" "$out/seeds/dossier.json" "$shared/gold/seeds.yml" | tail -15
mkdir -p "$out/html/articles"
for page in "$shared"/html-samples/*/page.html; do cp "$page" "$out/html/articles/$(basename "$(dirname "$page")").html"; done
"$wt/.venv/bin/dossier" build --dossier "$out/html" --docs "$out/html-docs" --no-cache -q >/dev/null 2>&1
echo "== html-samples"
python3 "$shared/html-samples/compare.py" "$out/html-docs/dossier.json" "$shared/html-samples" | tail -4
