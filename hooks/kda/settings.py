"""The settings of one build, read once: from mkdocs.yml (MkDocs' loaded config in a build, or the
file itself for the tools that run without one) and from the environment. Nothing else in the
code reads mkdocs.yml or the environment; every value is typed and checked, with an Indonesian
message naming the setting and the fix.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from kda.paths import CACHE_DIR
from kda.problems import Problems

# The environment variables the build reads (the README explains them).
TODAY_VARIABLE = "KDA_TODAY"  # YYYY-MM-DD: the day the site is built "as of" (previews, tests)
NO_PDF_VARIABLE = "KDA_TANPA_PDF"  # 1: build without printing the PDFs (no Chromium needed)
CHROMIUM_VARIABLE = "KDA_CHROMIUM"  # where Chromium is, when it is not on the PATH
EPOCH_VARIABLE = "SOURCE_DATE_EPOCH"  # reproducible builds: the moment the output says it was made
YES = ("1", "true", "ya")

CONFIG_FILE = "mkdocs.yml"  # the project's configuration, at its root
BLOG_PLUGINS = ("blog", "material/blog")
MACROS_PLUGIN = "macros"
# The Markdown extensions MkDocs always loads, before those of mkdocs.yml (its `markdown_extensions`
# option is built with these: mkdocs/config/defaults.py).
BUILTIN_EXTENSIONS = ("toc", "tables", "fenced_code")


class SettingsError(Problems):
    heading = "Pengaturan tidak sah:"


@dataclass(frozen=True)
class Environment:
    """What the environment sets for this build."""

    today: dt.date | None = None  # None: the real date in the group's time zone
    pdf: bool = True
    chromium: str | None = None
    source_date_epoch: int | None = None

    @classmethod
    def read(cls, environ: Mapping[str, str] | None = None) -> Environment:
        environ = os.environ if environ is None else environ
        problems = []
        today = None
        if value := environ.get(TODAY_VARIABLE, "").strip():
            try:
                today = dt.date.fromisoformat(value)
            except ValueError:
                problems.append(f'{TODAY_VARIABLE}: harus berformat TTTT-BB-HH, misalnya 2014-01-10; tertulis "{value}".')
        epoch = None
        if value := environ.get(EPOCH_VARIABLE, "").strip():
            if value.isdigit():
                epoch = int(value)
            else:
                problems.append(f'{EPOCH_VARIABLE}: harus berupa bilangan detik sejak 1970, misalnya 1389312000; tertulis "{value}".')
        if problems:
            raise SettingsError(problems)
        return cls(today=today, pdf=environ.get(NO_PDF_VARIABLE, "").strip().lower() not in YES,
                   chromium=environ.get(CHROMIUM_VARIABLE) or None, source_date_epoch=epoch)

    def stamp(self) -> dt.datetime:
        """The moment the output says it was made: SOURCE_DATE_EPOCH when set, else now (UTC)."""
        if self.source_date_epoch is not None:
            return dt.datetime.fromtimestamp(self.source_date_epoch, dt.UTC)
        return dt.datetime.now(dt.UTC).replace(microsecond=0)


@dataclass(frozen=True)
class Settings:
    """mkdocs.yml's values the code uses, and the environment."""

    config_file: Path  # mkdocs.yml
    site_url: str
    repo_url: str
    edit_uri: str
    categories_allowed: tuple[str, ...]  # the blog's categories_allowed
    maintainer_pages: tuple[str, ...]  # the macros plugin's force_render_paths, one pattern each
    environment: Environment
    markdown_extensions: tuple[str, ...] = BUILTIN_EXTENSIONS  # as MkDocs converts pages, builtins first
    markdown_configs: Mapping[str, dict] = field(default_factory=dict, hash=False)  # each extension's options (mdx_configs)
    icon_dirs: tuple[Path, ...] = ()  # where the theme finds `icon:` files: custom_dir's .icons, then the theme's

    @property
    def root(self) -> Path:
        """The project: the folder of mkdocs.yml (data/ and docs/ are read from here)."""
        return self.config_file.parent

    @property
    def cache_dir(self) -> Path:
        """The project's cache (resolved: a copy whose mkdocs.yml is a link shares the real one)."""
        return self.config_file.resolve().parent / CACHE_DIR

    def cache(self, folder: str) -> Path:
        """One of the project's cache folders (kda.paths), beside the resolved mkdocs.yml."""
        return self.config_file.resolve().parent / folder

    @classmethod
    def from_config(cls, config, environ: Mapping[str, str] | None = None) -> Settings:
        """In a build: from MkDocs' loaded config (its plugins already validated)."""
        plugins = config.plugins
        blog = next((plugins[name] for name in BLOG_PLUGINS if name in plugins), None)
        macros = plugins.get(MACROS_PLUGIN)
        return cls(
            config_file=Path(config.config_file_path),
            site_url=config.site_url or "",
            repo_url=config.repo_url or "",
            edit_uri=config.edit_uri or "",
            categories_allowed=tuple(blog.config.categories_allowed or ()) if blog else (),
            maintainer_pages=_patterns(macros.config.get("force_render_paths", "") if macros else ""),
            environment=Environment.read(environ),
            markdown_extensions=tuple(config.markdown_extensions),
            markdown_configs=dict(config.mdx_configs),
            icon_dirs=tuple(Path(folder) / ".icons" for folder in config.theme.dirs),
        )

    @classmethod
    def of_project(cls, root: Path, environ: Mapping[str, str] | None = None) -> Settings:
        """The settings of the project in `root` (its mkdocs.yml), for the tools that run without a build."""
        return cls.from_file(root / CONFIG_FILE, environ)

    @classmethod
    def from_file(cls, config_file: Path, environ: Mapping[str, str] | None = None) -> Settings:
        """For the tools that run without a build (scripts/): mkdocs.yml read with MkDocs' own YAML loader."""
        from mkdocs.utils.yaml import yaml_load

        with open(config_file, encoding="utf-8") as stream:
            config = yaml_load(stream) or {}
        options = {name: (value or {}) for entry in config.get("plugins", []) if isinstance(entry, dict)
                   for name, value in entry.items()}
        blog = next((options[name] for name in BLOG_PLUGINS if name in options), {})
        return cls(
            config_file=Path(config_file),
            site_url=config.get("site_url") or "",
            repo_url=config.get("repo_url") or "",
            edit_uri=config.get("edit_uri") or "",
            categories_allowed=tuple(blog.get("categories_allowed") or ()),
            maintainer_pages=_patterns(options.get(MACROS_PLUGIN, {}).get("force_render_paths", "")),
            environment=Environment.read(environ),
            **_markdown(config.get("markdown_extensions") or []),
            icon_dirs=_icon_dirs(Path(config_file).parent, config.get("theme") or {}),
        )


def environment_without(prefix: str) -> dict[str, str]:
    """This process's environment for a program it runs, without the variables that start with
    `prefix` (those a program reads as its own settings, which the build sets itself)."""
    return {name: value for name, value in os.environ.items() if not name.startswith(prefix)}


def _markdown(entries: list) -> dict:
    """mkdocs.yml's markdown_extensions (each a name, or {name: options}) as MkDocs reads them."""
    names = [next(iter(entry)) if isinstance(entry, dict) else str(entry) for entry in entries]
    configs = {next(iter(entry)): dict(next(iter(entry.values())) or {}) for entry in entries if isinstance(entry, dict)}
    return {"markdown_extensions": tuple(dict.fromkeys(BUILTIN_EXTENSIONS + tuple(names))), "markdown_configs": configs}


def _icon_dirs(root: Path, theme) -> tuple[Path, ...]:
    """As the build's theme finds icons (config.theme.dirs): the project's custom_dir, Material's, MkDocs'."""
    import material
    import mkdocs

    custom = theme.get("custom_dir") if isinstance(theme, dict) else None
    themes = (Path(material.__file__).parent / "templates", Path(mkdocs.__file__).parent / "templates")
    return tuple(folder / ".icons" for folder in ((root / custom,) if custom else ()) + themes)


def _patterns(text) -> tuple[str, ...]:
    return tuple(line.strip() for line in str(text or "").splitlines() if line.strip())
