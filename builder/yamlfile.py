"""YAML side files (dossier.yml, entities.yml) read safely, with line numbers kept for messages.

PyYAML is imported when a YAML text is first read (here, in front matter, in entities.yml
checks): a dossier of plain-text articles without side files never needs it, and a
one-shot rebuild is quicker without loading it."""
from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from builder.errors import DossierError, where
from builder.inputs import read_input

if TYPE_CHECKING:
    import yaml


class LineDict(dict[Any, Any]):
    """A mapping that remembers the 1-based line it started on (`.line`)."""

    line: int = 0


MAX_DEPTH = 100  # collections nested deeper than this are refused (Python would run out of stack)
MAX_ALIASES = 100  # more aliases than this are refused (a "billion laughs" document)


class _Bad(Exception):
    """A value the loader refuses, with the 0-based line of the text it is on."""

    def __init__(self, line: int, problem: str) -> None:
        super().__init__(problem)
        self.line, self.problem = line, problem


@cache
def _loader() -> type[yaml.SafeLoader]:
    """A safe loader whose mappings are LineDicts and refuse duplicate or non-text keys, and
    which refuses what would crash or exhaust Python: dates that do not exist, numbers too
    long to convert, collections nested too deeply, too many aliases."""
    import yaml  # noqa: PLC0415 - see the module docstring

    class Loader(yaml.SafeLoader):
        depth = 0
        aliases = 0

        def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
            event = self.peek_event()
            line = event.start_mark.line if event.start_mark is not None else 0
            if isinstance(event, yaml.AliasEvent):
                self.aliases += 1
                if self.aliases > MAX_ALIASES:
                    raise _Bad(line, f"more than {MAX_ALIASES} aliases")
            self.depth += 1
            try:
                if self.depth > MAX_DEPTH:
                    raise _Bad(line, f"nested more than {MAX_DEPTH} levels deep")
                return super().compose_node(parent, index)
            finally:
                self.depth -= 1

    def mapping(loader: Loader, node: yaml.MappingNode) -> LineDict:
        loader.flatten_mapping(node)
        out = LineDict()
        out.line = node.start_mark.line + 1
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, (str, int, float, bool)) and key is not None:
                raise _Bad(key_node.start_mark.line, "a key must be text")
            if key in out:
                raise _Bad(key_node.start_mark.line, f"duplicate key '{key}'")
            out[key] = loader.construct_object(value_node, deep=True)
        return out

    def checked(construct: Any, what: str) -> Any:
        def safely(loader: Loader, node: yaml.ScalarNode) -> Any:
            try:
                return construct(loader, node)
            except (ValueError, OverflowError):
                value = str(node.value)
                value = value if len(value) <= 30 else value[:27] + "..."
                raise _Bad(node.start_mark.line, f"'{value}' is not {what}") from None
        return safely

    Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, mapping)
    Loader.add_constructor("tag:yaml.org,2002:timestamp",
                           checked(yaml.SafeLoader.construct_yaml_timestamp, "a real date"))
    Loader.add_constructor("tag:yaml.org,2002:int",
                           checked(yaml.SafeLoader.construct_yaml_int, "a number that can be used (too long?)"))
    return Loader


def error_line(err: yaml.YAMLError, text: str, first_line: int = 1) -> int | None:
    """The line a YAML error is about; at the end of the text, the line of what was left open."""
    mark = getattr(err, "problem_mark", None)
    if mark is None or mark.line >= text.count("\n"):
        mark = getattr(err, "context_mark", None) or mark
    return mark.line + first_line if mark is not None else None


def error_problem(err: yaml.YAMLError) -> str:
    return getattr(err, "problem", None) or str(err).splitlines()[0]


def parse_yaml(text: str, name: str, first_line: int = 1, problem: str = "not valid YAML") -> Any:
    """Parse a YAML text that starts on `first_line` of the file `name`; every problem becomes
    a DossierError naming the file and line."""
    import yaml  # noqa: PLC0415 - see the module docstring

    try:
        return yaml.load(text, Loader=_loader())  # noqa: S506 - a SafeLoader subclass
    except _Bad as err:
        raise DossierError(f"{where(name, err.line + first_line)}: {err.problem}") from None
    except yaml.YAMLError as err:
        raise DossierError(f"{where(name, error_line(err, text, first_line))}: {problem}: {error_problem(err)}") from None
    except RecursionError:
        raise DossierError(f"{name}: {problem}: nested too deeply") from None


def read_yaml_text(path: Path, label: str | None = None) -> str:
    """The text of a YAML side file in the dossier folder, read safely (builder.inputs)."""
    name = label or str(path)
    data = read_input(path, name, root=path.parent)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        raise DossierError(f"{where(name, line)}: not valid UTF-8") from None


def load_yaml(path: Path, label: str | None = None) -> Any:
    """Read and parse a YAML file; every problem becomes a DossierError naming the file and line."""
    return parse_yaml(read_yaml_text(path, label), label or str(path))
