"""The golden tree: the generated pages of the bundled dossier, committed in tests/golden/.

Refresh after an intended change with `make golden` (python -m tests.golden), then review
the diff with `git diff tests/golden`.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from builder.model import Page
from builder.pipeline import assemble
from builder.render import render
from builder.write import write_pages

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"


def bundled_pages() -> tuple[Page, ...]:
    dossier, _ = assemble(ROOT / "dossier")
    return render(dossier)


def main() -> None:
    # no page keys: the manifest would record file times, and change with every refresh
    result = write_pages(GOLDEN, (replace(page, key=None) for page in bundled_pages()))
    print(f"tests/golden: {result.written} pages written, {result.unchanged} unchanged, {result.removed} removed")


if __name__ == "__main__":
    main()
