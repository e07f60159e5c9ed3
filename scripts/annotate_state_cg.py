"""Callgrind check: does annotating one dossier cost more per word after another was annotated
in the same process? usage (after generating /tmp/perf-annotate/d100 and d1000 with
tests.bench.generate): PYTHONHASHSEED=0 valgrind --tool=callgrind python scripts/annotate_state_cg.py A|B|C|D
(A: load + 1,000-set; B: load + 100-set + 1,000-set; C: load + 100-set; D: load only)."""
import sys
from pathlib import Path
from builder.pipeline import annotate
from builder.read import read_article
N = 60
def arts(n): return [read_article(p) for p in sorted(Path(f"/tmp/perf-annotate/d{n}/dossier/articles").glob("*.txt"))[:N]]
small, big = arts(100), arts(1000)
def phase_load(): annotate(read_article(sorted(Path("/tmp/perf-annotate/d1000/dossier/articles").glob("*.txt"))[-1]))
def phase_small():
    for a in small: annotate(a)
def phase_big():
    for a in big: annotate(a)
print(sum(len(b.text.split()) for a in small for b in a.text_blocks), sum(len(b.text.split()) for a in big for b in a.text_blocks))
phase_load()
if sys.argv[1] in "BC": phase_small()
if sys.argv[1] in "AB": phase_big()
