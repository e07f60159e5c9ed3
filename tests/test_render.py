"""Rendering helpers: relative links, escaping."""
from __future__ import annotations

import posixpath

import pytest

from builder.render.markdown import relative, text


@pytest.mark.parametrize(
    ("target", "source"),
    [("entities/a.md", "articles/b.md"), ("index.md", "articles/b.md"), ("articles/a.md", "index.md"),
     ("articles/a.md", "articles/b.md"), ("entities/x/y.md", "articles/b.md"), ("a.md", "b.md")],
)
def test_relative_matches_posixpath(target: str, source: str) -> None:
    assert relative(target, source) == posixpath.relpath(target, posixpath.dirname(source) or ".")


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [("<b>", "\\<b\\>"), ("a & b", "a \\& b"), ("[x](y)", "\\[x\\]\\(y\\)"), ("1. x", "1\\. x"),
     ("it's, “q”", "it's, “q”"), ("  many   spaces\n", "many spaces")],
)
def test_text_escapes_what_markdown_would_read(raw: str, escaped: str) -> None:
    assert text(raw) == escaped
