"""The MkDocs configuration a dossier's site is built with.

`dossier build --site` and `dossier serve` build the site of the dossier they are given,
from the docs folder they wrote, wherever they run: the configuration is derived from the
packaged template (`builder/site/mkdocs.yml`) with the dossier's own settings, written to
a temporary folder of the builder's own (never over a user's file) and handed to MkDocs.
A user's own configuration (`--config FILE`) is used as it is, once it is checked to
build the same docs folder.
"""
from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from builder.config import load_config, site_address
from builder.errors import DossierError
from builder.render import markdown as md
from builder.write import scratch_file

SITE = Path(__file__).resolve().parent / "site"
TEMPLATE = SITE / "mkdocs.yml"
THEME = SITE / "theme"  # the stylesheets, served as the theme's own files
SITE_URL_VARIABLE = "DOSSIER_SITE_URL"  # the Pages workflow sets it from configure-pages


def _load_yaml(path: Path) -> Any:
    """A MkDocs file read without running its tags (`!ENV`, `!relative`,
    `!!python/name:...`: None here)."""
    import yaml  # noqa: PLC0415 - loaded only for a site build, as in builder.yamlfile

    class Loader(yaml.SafeLoader):
        pass

    for prefix in ("!", "tag:yaml.org,2002:python/"):
        Loader.add_multi_constructor(prefix, lambda loader, suffix, node: None)
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=Loader)  # noqa: S506 - a SafeLoader
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as err:
        raise DossierError(f"{path}: not a readable MkDocs configuration ({type(err).__name__})") from None


def site_url(dossier_dir: Path) -> str | None:
    """The published site's address: $DOSSIER_SITE_URL when set and not empty, else
    `site_url` in dossier.yml, else none (MkDocs then leaves the sitemap empty)."""
    from_env = os.environ.get(SITE_URL_VARIABLE, "").strip()
    if from_env:
        return site_address(from_env, SITE_URL_VARIABLE)
    return load_config(dossier_dir / "dossier.yml", "dossier.yml").site_url


def _nav_item_exists(item: object, docs_dir: Path) -> bool:
    """Whether a nav entry's page is in docs_dir (links and sections stay)."""
    if not isinstance(item, dict) or len(item) != 1:
        return True
    (target,) = item.values()
    return not isinstance(target, str) or "://" in target or (docs_dir / target).is_file()


def effective_config(dossier_dir: Path, docs_dir: Path) -> dict[str, Any]:
    """The template with this dossier's title, description and address, its docs folder,
    the packaged stylesheets, and a nav of only the pages its docs folder has."""
    dossier = load_config(dossier_dir / "dossier.yml", "dossier.yml")
    config: dict[str, Any] = _load_yaml(TEMPLATE)
    config["site_name"] = md.theme_text(dossier.title)
    if dossier.description:
        config["site_description"] = md.theme_text(dossier.description)
    address = site_url(dossier_dir)
    if address:
        config["site_url"] = address
    config["docs_dir"] = str(docs_dir.resolve())
    config["theme"] = {**config["theme"], "custom_dir": str(THEME)}
    config["nav"] = [item for item in config["nav"] if _nav_item_exists(item, docs_dir)]
    return config


def _docs_dir_of(config_file: Path, depth: int = 0) -> Path | None:
    """The docs folder a MkDocs file builds (following INHERIT), None if it cannot be told."""
    data = _load_yaml(config_file)
    if not isinstance(data, dict):
        raise DossierError(f"{config_file}: not a MkDocs configuration (expected a mapping)")
    docs_dir = data.get("docs_dir")
    if isinstance(docs_dir, str):
        return (config_file.parent / docs_dir).resolve()
    parent = data.get("INHERIT")
    if docs_dir is None and isinstance(parent, str) and depth < 10:
        return _docs_dir_of(config_file.parent / parent, depth + 1)
    return (config_file.parent / "docs").resolve() if docs_dir is None else None


def check_own_config(config_file: Path, docs_dir: Path) -> None:
    """A user's configuration must build the docs folder the builder wrote, or the site
    would show some other dossier."""
    if not config_file.is_file():
        raise DossierError(f"{config_file}: no such MkDocs configuration")
    builds = _docs_dir_of(config_file)
    if builds is not None and builds != docs_dir.resolve():
        raise DossierError(
            f"{config_file}: its docs_dir is {builds}, not {docs_dir.resolve()} (the docs this build wrote); "
            "set docs_dir there, or leave out --config to build this dossier's own site"
        )


def check_site(docs_dir: Path, own: Path | None) -> None:
    """What can stop the site's build, checked before the builder writes anything: the
    site's address in the environment, and a user's configuration."""
    if own is not None:
        check_own_config(own, docs_dir)
    elif os.environ.get(SITE_URL_VARIABLE, "").strip():
        site_address(os.environ[SITE_URL_VARIABLE].strip(), SITE_URL_VARIABLE)


@contextmanager
def site_config(dossier_dir: Path, docs_dir: Path, own: Path | None) -> Iterator[Path]:
    """The MkDocs file to build the dossier's site with, for as long as the block runs:
    `own` (checked) when given, else the effective configuration in a temporary folder."""
    if own is not None:
        check_own_config(own, docs_dir)
        yield own
        return
    import yaml  # noqa: PLC0415 - as above

    text = yaml.safe_dump(effective_config(dossier_dir, docs_dir), sort_keys=False, allow_unicode=True)
    header = "# Written by the dossier builder from builder/site/mkdocs.yml for this build only.\n"
    with scratch_file("mkdocs.yml", header + text) as path:
        yield path
