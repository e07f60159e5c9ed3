"""YAML side files (dossier.yml, entities.yml) read safely, with line numbers kept for messages.

PyYAML is imported when a YAML text is first read (here, in front matter, in entities.yml
checks): a dossier of plain-text articles without side files never needs it, and a
one-shot rebuild is quicker without loading it."""
from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from builder.errors import DossierError, where

if TYPE_CHECKING:
    import yaml


class LineDict(dict[Any, Any]):
    """A mapping that remembers the 1-based line it started on (`.line`)."""

    line: int = 0


@cache
def _loader() -> type[yaml.SafeLoader]:
    """A safe loader whose mappings are LineDicts and refuse duplicate or non-text keys."""
    import yaml  # noqa: PLC0415 - see the module docstring

    class Loader(yaml.SafeLoader):
        pass

    def mapping(loader: Loader, node: yaml.MappingNode) -> LineDict:
        loader.flatten_mapping(node)
        out = LineDict()
        out.line = node.start_mark.line + 1
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, (str, int, float, bool)) and key is not None:
                raise DossierError(f"line {key_node.start_mark.line + 1}: a key must be text")
            if key in out:
                raise DossierError(f"line {key_node.start_mark.line + 1}: duplicate key '{key}'")
            out[key] = loader.construct_object(value_node, deep=True)
        return out

    Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, mapping)
    return Loader


def error_line(err: yaml.YAMLError, text: str, first_line: int = 1) -> int | None:
    """The line a YAML error is about; at the end of the text, the line of what was left open."""
    mark = getattr(err, "problem_mark", None)
    if mark is None or mark.line >= text.count("\n"):
        mark = getattr(err, "context_mark", None) or mark
    return mark.line + first_line if mark is not None else None


def error_problem(err: yaml.YAMLError) -> str:
    return getattr(err, "problem", None) or str(err).splitlines()[0]


def load_yaml(path: Path, label: str | None = None) -> Any:
    """Parse a YAML file; every problem becomes a DossierError naming the file and line."""
    name = label or str(path)
    try:
        data = path.read_bytes()
    except OSError as err:
        raise DossierError(f"{name}: cannot read: {err.strerror or err}") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        raise DossierError(f"{where(name, line)}: not valid UTF-8") from None
    import yaml  # noqa: PLC0415 - see the module docstring

    try:
        return yaml.load(text, Loader=_loader())  # noqa: S506 - a SafeLoader subclass
    except DossierError as err:
        raise DossierError(f"{name}: {err}") from None
    except yaml.YAMLError as err:
        raise DossierError(f"{where(name, error_line(err, text))}: not valid YAML: {error_problem(err)}") from None
