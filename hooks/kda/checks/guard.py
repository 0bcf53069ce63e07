"""Content safety for one build: what `kda.wiring.events` hands off to, and where the findings collect.

Member pages are every Markdown page outside the macros plugin's `force_render_paths`
(mkdocs.yml, the one list of maintainer pages). For each member page:
`check_source` (before its Markdown is converted) and `check_rendered` (after) record
problems; `report` (on_env, after every page is converted and before anything is
written) fails the build once with all of them. Each page's file is read by MkDocs
once; the checks reuse that text, and the file is read again only to turn a finding's
line into the file's own line (front matter shifts it), i.e. only when something is wrong.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.utils.meta import get_data

from kda.checks import frontmatter, links, page_assets, policy, privacy, published, safety, sandbox
from kda.checks.frontmatter import FrontMatterError, is_article
from kda.compat import macros as macros_plugin
from kda.model.gallery import GALLERY_DIR, GALLERY_LIST
from kda.paths import PAGE_ASSET_FILES
from kda.problems import listed

STATE = "kda_safety"
SNIPPETS = "pymdownx.snippets"


@dataclass
class SafetyState:
    checker: safety.SourceChecker
    allowed: tuple[str, ...]
    docs_label: str
    problems: list[str] = field(default_factory=list)
    refused_pages: set[str] = field(default_factory=set)
    front_matter: list[str] = field(default_factory=list)  # pages left out of the build for their front matter
    scripts: published.Scripts | None = None  # the scripts a written page may have
    published: list[str] = field(default_factory=list)  # problems of the pages as written (on_post_page)
    links: list[str] = field(default_factory=list)  # links and images that lead nowhere (check_links)


def configure(config, macros: dict, values: dict) -> None:
    """on_pre_build: seal the macros plugin, check the config, load the allow-list.

    `macros` are what maintainer pages may call (name -> function of the page's path and its
    arguments), `values` the plain values they may read (sandbox.py)."""
    sandbox.seal(macros_plugin.plugin(config), macros, values, lambda page, line, problem: _macro_problem(config, page, line, problem))
    root = Path(config.config_file_path).parent
    problems = snippets_problems(config, root)
    try:
        allowed = privacy.load_allow_list(root / "data", root)
    except privacy.AllowListError as error:
        problems += error.problems
    if problems:
        raise PluginError(listed("Konfigurasi keamanan isi tidak sah:", problems))
    docs_label = Path(os.path.relpath(config.docs_dir, root)).as_posix()  # not resolved: docs/ may be a symlink
    config[STATE] = SafetyState(safety.SourceChecker(), allowed, docs_label,
                                problems=privacy.data_findings(root / "data", root, allowed),
                                scripts=published.site_scripts(config))


def check_files(files, config) -> None:
    """on_files: every file under docs/ that is not a page is copied as is; only safe formats."""
    state: SafetyState = config[STATE]
    docs_dir = Path(config.docs_dir).resolve()
    own = {str(item) for item in config.extra_css} | {str(item) for item in config.extra_javascript} | set(PAGE_ASSET_FILES)
    own |= page_assets.own_files(config.extra)  # the maintainer pages' own styles and scripts
    state.problems += page_assets.problems(
        config.extra, lambda page: _is_maintainer_path(page, config), {file.src_uri for file in files})
    allowed = ", ".join(sorted(policy.STATIC_EXTENSIONS))
    for file in files:
        if file.is_documentation_page() or file.generated_by or not file.abs_src_path or file.inclusion.is_excluded():
            continue  # pages are checked as pages; excluded files (docs/.templates/...) are not published
        if not Path(file.abs_src_path).resolve().is_relative_to(docs_dir) or file.src_uri in own:
            continue  # the theme's own files; the project's own stylesheets and scripts
        if Path(file.src_uri).suffix.lower() not in policy.STATIC_EXTENSIONS:
            state.problems.append(
                f"{state.docs_label}/{file.src_uri}: berkas jenis \"{Path(file.src_uri).suffix or '(tanpa akhiran)'}\" "
                "tidak diterbitkan, karena berkas seperti HTML, SVG, XML atau JavaScript dapat menjalankan skrip di "
                f"peramban pembaca. Yang boleh: {allowed}. Simpan gambar sebagai PNG atau JPG, dokumen sebagai PDF."
            )


def check_sources(files, config) -> None:
    """on_files: the source of every member page, published now or later.

    Checked here rather than when each page renders, so that drafts and future-dated posts,
    which this build leaves out but a later build publishes without another review, are
    refused now, in the pull request that adds them."""
    state: SafetyState = config[STATE]
    for file in files.documentation_pages(inclusion=lambda level: True):
        if file.generated_by or any(part.startswith(".") for part in Path(file.src_uri).parts):
            continue
        if _is_maintainer_path(file.src_path, config):
            continue
        source = file.content_string
        markdown, meta = get_data(source)
        label = f"{state.docs_label}/{file.src_uri}"
        problems, refused = source_problems(state.checker, state.allowed, label, markdown, meta,
                                            lambda: lines_before(source, markdown), article=is_article(file.src_uri))
        state.problems += problems
        if refused:
            state.refused_pages.add(file.src_uri)


def check_names(files, config) -> None:
    """on_files: the identifier scan of what is published besides the pages' text: the path of every
    file under docs/ (a post's address, an image's or a photo's name) and each gallery's captions."""
    state: SafetyState = config[STATE]
    docs_dir = Path(config.docs_dir).resolve()
    for file in files:
        if file.generated_by or not file.abs_src_path or not Path(file.abs_src_path).resolve().is_relative_to(docs_dir):
            continue
        label = f"{state.docs_label}/{file.src_uri}"
        state.problems += name_problems(label, file.src_uri, state.allowed)
        if file.src_uri.endswith(f"/{GALLERY_DIR}/{GALLERY_LIST}"):
            state.problems += privacy.yaml_findings(Path(file.abs_src_path), label, state.allowed)


def name_problems(label: str, src_uri: str, allowed) -> list[str]:
    """Messages for identifiers in a file's path (also used by scripts/periksa.py)."""
    return [f'{label}: nama berkas memuat {finding.kind} ("{finding.masked}"). {privacy.LAW} Ganti nama berkasnya '
            "tanpa nomor atau alamat itu, lalu sesuaikan tautan ke berkas itu."
            for finding in privacy.name_findings(src_uri, allowed)]


def source_problems(checker, allowed, label: str, markdown: str, meta: dict, offset,
                    article: bool = False) -> tuple[list[str], bool]:
    """Every problem of one member page's source, as messages; and whether its HTML was refused.

    `offset()` gives the number of file lines before `markdown` (front matter): called only
    when there is something to report. An article is also checked as the blog's list pages and
    the feed show it. Also used by scripts/periksa.py (no build needed)."""
    tokens = checker.tokens(markdown)
    located = checker.check(tokens)
    if article:
        located += safety.excerpt_problems(tokens, markdown)
        located += [(None, f"(pada umpan RSS, yang membuat ulang pembuka tulisan tanpa ekstensi situs; tulis "
                           f"description: di kepala tulisan atau ubah pembukanya) {problem}")
                    for _, problem in safety.feed_problems(markdown, meta)]
    findings = privacy.scan(privacy.text_units(tokens), allowed)
    meta_findings = privacy.scan(privacy.meta_units(meta), allowed)
    front = safety.front_matter_problems(meta)
    if not (located or findings or meta_findings or front):
        return [], False
    lines_before = offset()
    problems = [f"{_where(label, line, lines_before)}: {reason}." for line, reason in located]
    problems += [f"{label} (kepala berkas): {problem}" for problem in front]
    problems += [finding.message(_where(label, finding.line, lines_before)) for finding in findings]
    problems += [finding.message(f"{label} (kepala berkas)") for finding in meta_findings]
    return problems, bool(located)


def maintainer_pages_spec(patterns: tuple[str, ...]):
    """The maintainer pages without a build: the macros plugin's force_render_paths
    (`Settings.maintainer_pages`), matched as the plugin matches them (pathspec)."""
    import pathspec

    return pathspec.PathSpec.from_lines("gitwildmatch", patterns)


def check_rendered(html: str, page, config) -> str:
    """on_page_content: the rendered HTML of a member page, as a second line of defence."""
    state: SafetyState = config[STATE]
    if _is_maintainer_path(page.file.src_path, config) or page.file.src_uri in state.refused_pages:
        return html  # already refused with line numbers from its source
    problems = safety.check_rendered(html)
    title = None if "title" in page.meta else safety.title_problem(page.title)
    if title:
        problems.append(("# ", title))
    cut = safety.excerpt_cut_problem(html) if is_article(page.file.src_uri) else None
    if cut:
        problems.append((frontmatter.EXCERPT_SEPARATOR, cut))
    if problems:
        label = f"{state.docs_label}/{page.file.src_uri}"
        lines = _source_lines(page)
        for needle, problem in problems:
            line = _first_line_with(lines, needle)
            where = f"{label}, baris {line}" if line else label
            state.problems.append(f"{where} (pada HTML hasil): {problem}")
    return html


def _macro_problem(config, page: str, line: int | None, problem: str) -> None:
    """A maintainer page whose Jinja failed: reported with the others, its line counted in the file."""
    state: SafetyState = config[STATE]
    source = (Path(config.docs_dir) / page).read_text(encoding="utf-8-sig") if (Path(config.docs_dir) / page).is_file() else ""
    offset = lines_before(source, get_data(source)[0]) if line else 0
    state.problems.append(f"{_where(f'{state.docs_label}/{page}', line, offset)}: {problem}")


def check_output(output: str, page, config) -> None:
    """on_post_page: the page as the reader gets it (theme, list pages, pages made from the data)."""
    state: SafetyState = config[STATE]
    where = f"{state.docs_label}/{page.file.src_uri}, " if not page.file.generated_by and page.file.abs_src_path else ""
    state.published += [f"{where}halaman terbitan {page.file.dest_uri}: {problem}"
                        for problem in published.page_problems(output, page.file.dest_uri, state.scripts)]


def check_published(config, feeds: list[Path]) -> None:
    """on_post_build, before anything more is made from the pages (PDFs): the pages as written and
    the feeds; fail once with every problem."""
    state: SafetyState = config[STATE]
    problems = list(state.published)
    for feed in feeds:
        if feed.is_file():
            problems += [f"{feed.name}, {problem}" for problem in published.feed_problems(feed.read_bytes())]
    if problems:
        raise PluginError("Halaman yang akan terbit memuat isi yang tidak boleh diterbitkan (penjelasan: "
                          "docs/kerahasiaan.md); situs tidak diterbitkan:\n" + "\n".join(f"  - {p}" for p in problems))


def front_matter_refused(config, problems: list[str]) -> None:
    """on_files: front matter problems, reported with the others by `report`."""
    config[STATE].front_matter.extend(problems)


def check_links(files, config) -> None:
    """on_env, every page converted: the links, anchors and images of every page (kda.checks.links).

    The members' pages from their source, so a message names the line in the file; every converted
    page from its HTML, against the published addresses and the anchors each page really has: the
    maintainers' pages and the pages made from the data, whose links come from the templates, and a
    member's page whose source reading found nothing, for the links Python-Markdown reads in a
    corner of the syntax the CommonMark parser does not. MkDocs' own link validation is off
    (mkdocs.yml, `validation`): this is the check, in Indonesian, and it fails the build."""
    state: SafetyState = config[STATE]
    pages = {file.src_uri: file for file in files.documentation_pages(inclusion=lambda level: True)}
    converted = {src_uri: links.read_html(file.page.content) for src_uri, file in pages.items()
                 if file.page is not None and file.page.content is not None}
    anchors = {src_uri: found[1] for src_uri, found in converted.items()}
    targets = links.Targets(frozenset(pages), frozenset(f.src_uri for f in files if not f.is_documentation_page()),
                            anchors.get, docs_label=state.docs_label)
    refused = set()
    for src_uri, file in pages.items():
        if file.generated_by or not file.abs_src_path or _is_maintainer_path(file.src_path, config) or any(
                part.startswith(".") for part in Path(src_uri).parts):
            continue
        source = Path(file.abs_src_path).read_text(encoding="utf-8-sig")
        markdown = get_data(source)[0]
        found = links.page_problems(f"{state.docs_label}/{src_uri}", src_uri, markdown,
                                    lambda: lines_before(source, markdown), targets)
        if found:
            refused.add(src_uri)
            state.links += found
    urls = {links.url_key(file.url): file.src_uri for file in files}
    for src_uri, (found, _) in converted.items():
        if src_uri in refused:
            continue  # already refused, with the lines of its source
        file = pages[src_uri]
        problems = links.html_problems(src_uri, file.url, found, urls, targets)
        lines = _source_lines(file.page) if problems else []
        for needle, problem in problems:
            state.links.append(f"{_converted_label(state, file, links.line_of(lines, needle))}: {problem} "
                               "(ditemukan pada HTML hasil)")


def _converted_label(state: SafetyState, file, line: int | None) -> str:
    if file.generated_by or not file.abs_src_path:
        return f"halaman {file.src_uri}, yang dibuat situs dari data"
    where = f"{state.docs_label}/{file.src_uri}"
    return f"{where}, baris {line}" if line else where


def report(config) -> None:
    """on_env: fail once, with every problem of every page, before anything is written."""
    state: SafetyState = config[STATE]
    sections = [str(FrontMatterError(state.front_matter))] if state.front_matter else []
    if state.problems:
        sections.append(listed("Halaman atau data memuat isi yang tidak boleh diterbitkan (penjelasan: docs/kerahasiaan.md):",
                               state.problems))
    if state.links:
        sections.append(str(links.LinkError(state.links)))
    if sections:
        raise PluginError("\n".join(sections))


def snippets_problems(config, root: Path) -> list[str]:
    """pymdownx.snippets can paste any file into a page: only with check_paths and its own folder."""
    if SNIPPETS not in config.markdown_extensions:
        return []
    options = config.mdx_configs.get(SNIPPETS, {})
    problems = []
    if options.get("check_paths") is not True:
        problems.append(f"mkdocs.yml, {SNIPPETS}: check_paths harus true (potongan yang tidak ada menggagalkan build).")
    if options.get("restrict_base_path", True) is not True or options.get("url_download"):
        problems.append(f"mkdocs.yml, {SNIPPETS}: restrict_base_path harus true dan url_download tidak boleh dipakai.")
    bases = options.get("base_path")
    bases = [bases] if isinstance(bases, str) else list(bases or [])
    forbidden = {root.resolve(), Path(config.docs_dir).resolve(), (root / "data").resolve()}
    if not bases or any(
        (root / b).resolve() in forbidden or not (root / b).resolve().is_relative_to(root.resolve()) for b in bases
    ):
        problems.append(f"mkdocs.yml, {SNIPPETS}: base_path harus folder khusus potongan di dalam proyek, "
                        "misalnya docs/.potongan, bukan folder proyek, docs/ atau data/.")
    return problems


def _is_maintainer_path(src_path: str, config) -> bool:
    return sandbox.is_maintainer_page(macros_plugin.plugin(config), src_path)


def lines_before(source: str, markdown: str) -> int:
    """How many lines of the file come before `markdown` (its front matter and blank lines)."""
    position = source.rfind(markdown.strip("\n")[:200]) if markdown.strip() else -1
    return source.count("\n", 0, position) if position > 0 else 0


def _source_lines(page) -> list[str]:
    if page.file.generated_by or not page.file.abs_src_path:
        return []
    return Path(page.file.abs_src_path).read_text(encoding="utf-8-sig").splitlines()


def _first_line_with(lines: list[str], needle: str | None) -> int | None:
    """The first line that mentions `needle` (a tag or attribute name), to point the writer at it."""
    if not needle:
        return None
    needle = needle.lower()
    return next((number for number, text in enumerate(lines, 1) if needle in text.lower()), None)


def _where(label: str, line, offset: int) -> str:
    return f"{label}, baris {line + offset}" if line else label
