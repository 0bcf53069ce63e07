// The header search, answered by Pagefind's own API (pagefind/pagefind.js, written by
// hooks/kda/outputs/search.py) and shown with Material's search markup and styles, in Indonesian (the
// strings come from the theme's translations in #__config and the <template>).
//
// Why not Pagefind's ready-made UI: it brings its own look and a second set of strings;
// Material's markup and CSS already give the header box, the phone overlay, dark mode and
// result highlighting, so only the glue is written here: open and close, keys, rendering.
// The script runs once per page load, and Pagefind is
// loaded on the first open, so a reader who never searches downloads nothing more.

const ROOT = new URL("../", import.meta.url); // this file is <site>/assets/kda-search.js
const BATCH = 10; // results drawn at once; the next ten when the reader scrolls to the end
const MAX_SECTIONS = 3;
const SHORTCUT_KEYS = new Set(["/", "s", "f"]); // Material's own search shortcuts

const translations = JSON.parse(document.getElementById("__config")?.textContent || "{}").translations || {};
const say = (key, count) => (translations[key] || "").replace("#", count);

let pagefind = null;

function loadPagefind() {
  pagefind ??= import(new URL("pagefind/pagefind.js", ROOT).href).then(async (module) => {
    // pageLength 0.2 (Pagefind's default is 0.75): long pages such as the Terms of Reference
    // are not buried under short stub pages that only name a word in their title.
    await module.options({ baseUrl: ROOT.pathname, excerptLength: 24, ranking: { pageLength: 0.2 } });
    module.init();
    return module;
  });
  return pagefind;
}

function mount() {
  const template = document.getElementById("kda-search");
  const header = document.querySelector(".md-header__inner");
  const toggle = document.getElementById("__search");
  if (!template || !header || !toggle || header.querySelector(".kda-search")) return;
  header.insertBefore(template.content.cloneNode(true), header.querySelector(".md-header__source"));

  const ui = {
    toggle,
    form: header.querySelector(".kda-search form"),
    input: header.querySelector(".kda-search .md-search__input"),
    meta: header.querySelector(".kda-search .md-search-result__meta"),
    list: header.querySelector(".kda-search .md-search-result__list"),
    scroller: header.querySelector(".kda-search .md-search__scrollwrap"),
    results: [],
    shown: 0,
  };
  ui.toggle.addEventListener("change", () => (ui.toggle.checked ? open(ui) : close(ui)));
  ui.input.addEventListener("focus", () => open(ui));
  ui.input.addEventListener("input", () => search(ui));
  ui.form.addEventListener("reset", () => setTimeout(() => { search(ui); ui.input.focus(); }));
  ui.form.addEventListener("submit", (event) => { event.preventDefault(); follow(ui, ui.list.querySelector("a")); });
  ui.list.addEventListener("click", (event) => { if (event.target.closest("a")) close(ui); });
  ui.scroller.addEventListener("scroll", () => {
    const end = ui.scroller.scrollTop + ui.scroller.clientHeight >= ui.scroller.scrollHeight - 40;
    if (end) showMore(ui);
  });
  document.addEventListener("keydown", (event) => onKey(ui, event));
}

function open(ui) {
  if (!ui.toggle.checked) ui.toggle.checked = true;
  loadPagefind();
  if (document.activeElement !== ui.input) ui.input.focus();
}

function close(ui) {
  ui.toggle.checked = false;
  if (ui.form.contains(document.activeElement)) ui.input.blur();
}

function follow(ui, link) {
  if (!link) return;
  close(ui);
  link.click();
}

function onKey(ui, event) {
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  const typing = event.target instanceof HTMLElement && event.target.closest("input, textarea, select, [contenteditable]");
  if (!ui.toggle.checked) {
    if (!typing && SHORTCUT_KEYS.has(event.key)) { event.preventDefault(); open(ui); }
    return;
  }
  const links = [ui.input, ...ui.list.querySelectorAll(".md-search-result__link")];
  const at = links.indexOf(document.activeElement);
  if (event.key === "Escape") { event.preventDefault(); close(ui); }
  else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
    event.preventDefault();
    const step = event.key === "ArrowDown" ? 1 : -1;
    links[(Math.max(at, 0) + step + links.length) % links.length].focus();
  }
}

// Indonesian forms plurals by reduplication ("anak-anak", "masalah-masalah"): search the
// root, which the pages use far more often than the plural.
function normalize(query) {
  return query.trim().replace(/(^|[^\p{L}])(\p{L}+)-\2(?![\p{L}])/giu, "$1$2");
}

async function search(ui) {
  const query = normalize(ui.input.value);
  if (!query) { show(ui, say("search.result.placeholder"), []); return; }
  const api = await loadPagefind();
  const found = await api.debouncedSearch(query, {}, 150);
  if (found === null) return; // a later keystroke superseded this query
  const pages = await Promise.all(found.results.slice(0, BATCH).map((result) => result.data()));
  if (normalize(ui.input.value) !== query) return;
  const count = found.results.length;
  show(ui, count === 0 ? say("search.result.none") : count === 1 ? say("search.result.one") : say("search.result.other", count),
    pages.map(renderPage));
  ui.results = found.results;
  ui.shown = pages.length;
}

async function showMore(ui) {
  if (ui.loading || ui.shown >= ui.results.length) return;
  ui.loading = true;
  const results = ui.results;
  const pages = await Promise.all(results.slice(ui.shown, ui.shown + BATCH).map((result) => result.data()));
  if (results === ui.results) {
    ui.list.append(...pages.map(renderPage));
    ui.shown += pages.length;
  }
  ui.loading = false;
}

function show(ui, meta, items) {
  ui.meta.textContent = meta;
  ui.list.replaceChildren(...items);
  ui.results = [];
  ui.shown = 0;
  ui.scroller.scrollTop = 0;
}

// One result as Material draws it: the page (icon, title, excerpt), its best sections,
// the rest folded under "# lagi di halaman ini".
function renderPage(page) {
  const item = element("li", "md-search-result__item");
  item.append(renderDocument(page.url, page.meta.title, page.excerpt, true));
  const sections = page.sub_results.filter((section) =>
    section.url !== page.url && section.title !== page.meta.title && section.excerpt !== page.excerpt);
  const shown = sections.slice(0, MAX_SECTIONS);
  const folded = sections.slice(MAX_SECTIONS);
  item.append(...shown.map((section) => renderDocument(section.url, section.title, section.excerpt, false)));
  if (folded.length) {
    const more = element("details", "md-search-result__more");
    const summary = document.createElement("summary");
    summary.append(element("div", null, folded.length === 1 ? say("search.result.more.one") : say("search.result.more.other", folded.length)));
    more.append(summary, ...folded.map((section) => renderDocument(section.url, section.title, section.excerpt, false)));
    item.append(more);
  }
  return item;
}

function renderDocument(url, title, excerpt, isPage) {
  const link = element("a", "md-search-result__link");
  link.href = url;
  const article = element("article", "md-search-result__article md-typeset");
  if (isPage) article.append(element("div", "md-search-result__icon md-icon"));
  article.append(element(isPage ? "h1" : "h2", null, title || url));
  const text = document.createElement("p");
  text.append(...marked(excerpt));
  article.append(text);
  link.append(article);
  return link;
}

// Pagefind's excerpt is text with <mark> around the matched words. Parse it inertly and keep
// only text and <mark>, so page content can never inject markup into the results.
function marked(excerpt) {
  const body = new DOMParser().parseFromString(excerpt || "", "text/html").body;
  return [...body.childNodes].map((node) =>
    node.nodeName === "MARK" ? element("mark", null, node.textContent) : document.createTextNode(node.textContent));
}

function element(name, className, text) {
  const node = document.createElement(name);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

mount();
