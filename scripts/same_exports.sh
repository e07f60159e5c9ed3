#!/bin/bash
# usage: scripts/same_exports.sh REV [REV2]
# Build the re3d, wikinews-gum and seeds dossiers with the builder at git revision REV and at
# REV2 (default: the working tree) and check that each dossier.json is byte-identical.
# Run from the repository root with its .venv; nothing in the worktree is written.
set -u
rev=$1; other=${2:-}
py=$(pwd)/.venv/bin/python
work=$(mktemp -d)
tree() {  # tree REV DIR: the builder's source at REV ('' = the working tree)
  mkdir -p "$2"
  if [ -z "$1" ]; then cp -r builder "$2/"; else git archive "$1" builder | tar -x -C "$2"; fi
}
tree "$rev" "$work/a"; tree "$other" "$work/b"
status=0
for d in /work/shared/devsets/re3d-open /work/shared/devsets/wikinews-gum "$(pwd)/dossier"; do
  name=$(basename "$d")
  for side in a b; do
    (cd "$work/$side" && PYTHONPATH="$work/$side" "$py" -m builder build --dossier "$d" \
      --docs "$work/out-$side-$name" --no-cache -q --jobs 1 >/dev/null 2>&1) || status=1
  done
  if cmp -s "$work/out-a-$name/dossier.json" "$work/out-b-$name/dossier.json"; then
    echo "same       $name"
  else
    echo "DIFFERENT  $name"; status=1
  fi
done
rm -rf "$work"
exit $status
