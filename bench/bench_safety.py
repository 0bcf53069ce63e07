"""Print what the content-safety checks cost: per member page of the site, and on a synthetic
long article. Run from the project folder: `python3 bench/bench_safety.py`. Prints figures;
asserts nothing (speed is measured here, not in the tests)."""

from __future__ import annotations

import time
from pathlib import Path

import markdown

from kda.checks import (
    privacy,
    published,
    safety,
)

ROOT = Path(__file__).resolve().parent.parent


EXTENSIONS = ["toc", "attr_list", "md_in_html", "admonition", "tables", "pymdownx.details", "pymdownx.superfences"]


def timed(function, *args, repeat: int = 20) -> float:
    start = time.perf_counter()
    for _ in range(repeat):
        function(*args)
    return (time.perf_counter() - start) / repeat * 1000


def check_page(checker, text: str, html: str) -> None:
    tokens = checker.tokens(text)
    checker.check(tokens)
    privacy.scan(privacy.text_units(tokens), ())
    safety.check_rendered(html)


def main() -> None:
    checker = safety.SourceChecker()
    md = markdown.Markdown(extensions=EXTENSIONS)
    pages = sorted((ROOT / "docs").rglob("*.md"))
    total_check = total_convert = 0.0
    for path in pages:
        text = path.read_text(encoding="utf-8")
        html = md.reset().convert(text)
        total_convert += timed(lambda: md.reset().convert(text))
        total_check += timed(check_page, checker, text, html)
    print(f"{len(pages)} pages: checks {total_check:.1f} ms in all, Markdown conversion {total_convert:.1f} ms "
          f"({total_check / max(total_convert, 1e-9) * 100:.0f}% of conversion)")
    article = (ROOT / "docs" / "tor.md").read_text(encoding="utf-8") * 10
    html = md.reset().convert(article)
    print(f"synthetic article of {len(article) // 1024} KiB: checks {timed(check_page, checker, article, html, repeat=5):.1f} ms, "
          f"conversion {timed(lambda: md.reset().convert(article), repeat=5):.1f} ms")


def final_check() -> None:
    """The check of every written page (kda.checks.published), on the site's own pages framed as the
    theme frames them, and on a synthetic worst case: a list page with 200 excerpts."""
    from mkdocs.config import load_config

    scripts = published.site_scripts(load_config(str(ROOT / "mkdocs.yml")))
    md = markdown.Markdown(extensions=EXTENSIONS)
    frame = ('<!doctype html><html><head><link rel="stylesheet" href="../assets/main.css"></head><body>'
             '<main class="md-main"><article class="md-content__inner">{}</article></main>'
             '<script src="../assets/javascripts/bundle.js"></script></body></html>')
    pages = [frame.format(md.reset().convert(p.read_text(encoding="utf-8"))) for p in sorted((ROOT / "docs").rglob("*.md"))]
    each = [timed(published.page_problems, page, "x/index.html", scripts) for page in pages]
    print(f"final check of {len(pages)} written pages: {sum(each):.1f} ms in all, at most {max(each):.1f} ms for one")
    post = md.reset().convert((ROOT / "docs" / "tor.md").read_text(encoding="utf-8"))
    excerpt = f'<article class="md-post--excerpt"><div class="md-post__content">{post}</div></article>'
    big = frame.format(excerpt * 200)
    print(f"list page of 200 excerpts ({len(big) // 1024} KiB): final check {timed(published.page_problems, big, 'x/index.html', scripts, repeat=2):.0f} ms, "
          f"excerpt cut check per post {timed(safety.excerpt_cut_problem, post + '<!-- more -->'):.2f} ms")


if __name__ == "__main__":
    main()
    final_check()
