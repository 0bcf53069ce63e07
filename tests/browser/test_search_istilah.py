"""Search finds a passage of the TOR by the plain word for its jargon: "kelelahan" the
burn-out passage, "kuorum" the rule on the "kuota". The TOR's term links carry the plain
words of data/istilah.yml in their title, which Pagefind indexes (kda.outputs.search)."""

from __future__ import annotations

import pytest

from kda.model.glossary import load_glossary

from conftest import ROOT

# Pagefind's own API in the page: each result page with the anchors of its best sections.
SEARCH_JS = """async (query) => {
  const pagefind = await import('/pagefind/pagefind.js');
  const found = await pagefind.search(query);
  const pages = await Promise.all(found.results.slice(0, 10).map(r => r.data()));
  return pages.map(p => [p.url, p.sub_results.map(s => s.url)]);
}"""
TERMS = {t.id: t for t in load_glossary(ROOT / "data", ROOT)}


@pytest.fixture(scope="module")
def tab(browser, base_url):
    context = browser.new_context(base_url=base_url)
    page = context.new_page()
    page.goto("")
    yield page
    context.close()


@pytest.mark.parametrize(("query", "term"), [("kelelahan", "burn-out"), ("kuorum", "kuota")])
def test_plain_word_finds_the_tors_passage(tab, query, term):
    results = dict(tab.evaluate(SEARCH_JS, query))
    assert "/tor/" in results and "/istilah/" in results, results
    assert f"/tor/#{TERMS[term].di_tor}" in results["/tor/"][:3]  # the passage, not only the page
    assert f"/istilah/#{term}" in results["/istilah/"][:3]
