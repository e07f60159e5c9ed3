"""The names not yet confirmed (confirm.py), for review: a short list for Who's who and
YAML ready to paste into entities.yml, where each entry confirms, retypes, merges or hides."""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from builder.model import Dossier, Entity

SHOWN = 30  # Who's who lists at most this many (most articles first); the review lists all


def unconfirmed(dossier: Dossier) -> list[tuple[Entity, int]]:
    """The entities not yet confirmed, with how many articles name them, most named first."""
    count = _articles(dossier)
    todo = [(e, count[e.id]) for e in dossier.entities if not e.confirmed and count[e.id]]
    todo.sort(key=lambda pair: (-pair[1], pair[0].name.casefold(), pair[0].id))
    return todo


def _articles(dossier: Dossier) -> Counter[str]:
    return Counter(entity_id for _, entity_id in {(article, entity_id)
                                                  for (article, _), entity_id in dossier.entity_of.items()})


_HEAD = """\
# Names not yet confirmed: the builder found too little evidence that these are names, so
# they have no page and no link. Paste into dossier/entities.yml what you have decided:
#   confirm: keep the entry and delete its `hidden: true` line (fix `type` to retype it);
#   merge:   put its name in the `aliases` of the entry it belongs to, and drop this entry;
#   hide:    keep it as it is (`hidden: true`), and it is not listed here again.
"""


def review_yaml(entries: Sequence[tuple[Entity, int]]) -> str:
    """YAML entries for entities.yml, one per name not yet confirmed, with its evidence."""
    if not entries:
        return "# Every name found is confirmed: nothing to review.\n"
    out = [_HEAD]
    for entity, articles in entries:
        why = ", ".join(entity.evidence) or "no evidence"
        plural = "s" if articles != 1 else ""
        out.append(f"- name: {_scalar(entity.name)}  # confidence {entity.confidence:.2f} ({why}); "
                   f"{articles} article{plural}\n")
        out.append(f"  type: {entity.type.value}\n")
        if entity.aliases:
            out.append(f"  aliases: [{', '.join(_scalar(a) for a in entity.aliases)}]\n")
        out.append("  hidden: true\n")
    return "".join(out)


def _scalar(text: str) -> str:
    """A YAML scalar: plain when that reads back as the same string, else double-quoted."""
    import json  # noqa: PLC0415

    plain = text and not text[0] in "!&*[]{}|>'\"%@`#,?:-" and ": " not in text and " #" not in text \
        and text.strip() == text and text.lower() not in ("yes", "no", "true", "false", "null", "on", "off", "~")
    if plain and not any(c in text for c in "[]{},") and not text.replace(".", "").isdigit():
        return text
    return json.dumps(text, ensure_ascii=False)
