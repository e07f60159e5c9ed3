"""Word lists loaded in fewer steps give what the plain reading gives (no timings here:
`make bench`). Each fast loader is checked against the plain computation it replaces."""
from __future__ import annotations

from builder import wordlists
from builder.annotate import lexicon


def test_the_british_spellings_file_is_what_the_rule_derives():
    """common_words_british.txt is made by scripts/make_british.py; after an edit of
    common_words.txt run it again."""
    words = wordlists.words("entities/common_words.txt")
    assert wordlists.words("entities/common_words_british.txt") == lexicon.british_spellings(words)


def test_common_words_hold_the_british_spellings():
    words = lexicon.common_words()
    for american, british in [("rumor", "rumour"), ("organization", "organisation"), ("defense", "defence"),
                              ("neighbors", "neighbours"), ("apologize", "apologise")]:
        assert american in words and british in words
    assert "rumour" not in wordlists.words("entities/common_words.txt")  # (derived, not listed)
    assert "houre" not in words and "colourr" not in words


def test_british_spellings_of_made_up_words():
    assert lexicon.british_spellings(frozenset({"zorbor", "zorbors", "quuxize", "quuxization", "offense",
                                                "zorb", "aor", "size"})) == frozenset(
        {"zorbour", "zorbours", "quuxise", "quuxisation", "offence", "sise"})


def _words_plain(name: str) -> frozenset[str]:
    """wordlists.words the long way: every line, stripped, in lower case, no comments."""
    return frozenset(line.lower() for line in wordlists.lines(name))


def test_word_lists_read_as_the_plain_reading_reads_them(tmp_path, monkeypatch):
    texts = {
        "plain.txt": "# a comment\nZorb\n  quux  \n\n#another\nfoo bar\nbaz # not a comment\n   # indented comment\n",
        "no_end.txt": "alpha\n#beta",
        "hash_first.txt": "#only\n# comments\n",
        "other_breaks.txt": "one\r\ntwo\r\n# three\r\nfour\x85# five\u2028six #\n",
        "no_comment.txt": "Jane\nDoe\n",
        "clean.txt": "# made\nzorb\nquux city\n\n#x\nfoo # bar\n",  # (split at "\n" with nothing to strip)
        "tab.txt": "zorb\t\nquux\n",
        "unit_separator.txt": "zorb\x1f\nquux\n",
        "nbsp.txt": "zorb\u00a0\n\u3000quux\ncafé\n",
        "space_first.txt": " zorb\nquux",
        "space_last.txt": "zorb\nquux ",
        "space_line.txt": "zorb\n \nquux\n",
    }
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.setattr(wordlists, "DATA", tmp_path)
    for name in texts:
        wordlists.words.cache_clear()
        assert wordlists.words(name) == _words_plain(name), name
    wordlists.words.cache_clear()
    assert wordlists.words("plain.txt") == {"zorb", "quux", "foo bar", "baz # not a comment"}


def test_packaged_word_lists_read_as_the_plain_reading_reads_them():
    for path in sorted(wordlists.DATA.glob("*/*.txt")):
        name = f"{path.parent.name}/{path.name}"
        assert wordlists.words(name) == _words_plain(name), name


def test_given_name_sexes_read_in_one_piece_as_line_by_line(tmp_path, monkeypatch):
    plain = {}
    for line in wordlists.lines("people/given_names.txt"):
        name, sex = line.split()
        plain[name] = sex
    assert lexicon.given_name_sexes() == plain
    assert list(lexicon.given_name_sexes()) == list(plain)  # (in the same order)


def test_geo_names_leave_blank_lines_out(tmp_path, monkeypatch):
    (tmp_path / "entities").mkdir()
    (tmp_path / "entities" / "a.txt").write_text("# made\nZorbton\n\nQuux City\n", encoding="utf-8")
    (tmp_path / "entities" / "b.txt").write_text("# made\nZorbton", encoding="utf-8")
    monkeypatch.setattr(wordlists, "DATA", tmp_path)
    assert lexicon._names("a.txt") == {"Zorbton", "Quux City"}
    assert lexicon._names("b.txt") == {"Zorbton"}
