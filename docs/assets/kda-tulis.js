// The writers' forms: "Tulis artikel" (docs/tulis.md) and "Tulis catatan pertemuan" (docs/tulis-catatan.md).
//
// Everything this script needs is written into the page by the build (hooks/kda/views/writing.py):
// the choices from the data, the project's template cut at its fields, the rules for text and
// file names, the address of the repository's editor, and every message (hidden in the form).
// It composes the new file exactly as hooks/kda/views/scaffold.py does (same template, fields
// written the same way: a JSON string, or a list of JSON strings, both valid YAML), shows it, and
// on the button opens GitHub's editor with the name and text in the address. It sends nothing.
(() => {
  "use strict";

  const form = document.querySelector("form[data-kda-tulis]");
  if (!form) return;
  const settings = JSON.parse(form.dataset.kdaTulis);
  const space = new RegExp(settings.space, "g");
  const control = new RegExp(settings.control, "g");
  // Halves of a surrogate pair standing alone: YAML refuses them (Python drops them its own way).
  // Pairs are matched first and kept (no look-behind: older phone browsers lack it).
  const surrogates = /[\ud800-\udbff][\udc00-\udfff]|[\ud800-\udfff]/g;
  const rules = Object.fromEntries(Object.entries(settings.rules || {}).map(([name, source]) => [name, new RegExp(source)]));

  // scaffold.clean_text, scaffold.slug, scaffold.yaml_string, scaffold.yaml_list
  const clean = (text) => {
    let quote = 0; // straight double quotes become typographic ones, as in scaffold.clean_text
    return text.replace(control, "").replace(surrogates, (found) => (found.length === 2 ? found : ""))
      .replace(/"/g, () => (quote++ % 2 ? "\u201d" : "\u201c")).replace(space, " ").trim();
  };
  const slug = (text, fallback) => {
    const ascii = clean(text).normalize("NFKD").replace(/[^\x00-\x7f]/g, "").toLowerCase();
    return (ascii.match(/[a-z0-9]+/g) || []).slice(0, settings.slugWords).join("-") || fallback;
  };
  const yamlString = (text) => JSON.stringify(text);
  const yamlList = (values) => "[" + values.map(yamlString).join(", ") + "]";
  const fill = (pieces, fields) => pieces.map((piece, i) => (i % 2 ? fields[piece] : piece)).join("");

  const field = (name) => form.elements.namedItem(name);
  const value = (name) => clean(field(name).value);
  const checked = (name) => [...form.querySelectorAll(`input[name="${name}"]:checked`)].map((input) => input.value);

  // Today in the group's time zone, as TTTT-BB-HH (the scaffold's default date).
  const today = (timeZone) => {
    const parts = new Intl.DateTimeFormat("en", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" })
      .formatToParts(new Date());
    const part = (type) => parts.find((p) => p.type === type).value;
    return `${part("year")}-${part("month")}-${part("day")}`;
  };

  // Each kind of form: what it writes, and which rules its fields break ("field rule", as the messages are keyed).
  const kinds = {
    artikel: {
      start() {
        field("date").value = today(settings.timeZone);
      },
      compose() {
        const title = value("title");
        const description = value("description");
        const tags = field("tags").value.split(",").map(clean).filter(Boolean);
        const date = field("date").value;
        const authors = checked("authors");
        const broken = [];
        if (!title) broken.push("title wajib");
        if (!authors.length) broken.push("authors wajib");
        if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) broken.push("date wajib");
        for (const [name, text] of [["title", title], ["description", description]]) {
          for (const rule of ["polos", "tanpa-kode"]) if (text && rules[rule].test(text)) broken.push(`${name} ${rule}`);
        }
        for (const rule of ["polos", "tanpa-kode"]) if (tags.some((tag) => rules[rule].test(tag))) broken.push(`tags ${rule}`);
        const text = fill(settings.pieces, {
          title: yamlString(title),
          description: description ? yamlString(description) : "",
          date,
          authors: yamlList(authors),
          categories: yamlList(checked("categories")),
          tags: yamlList(tags),
          topics: yamlList(checked("topics")),
          draft: field("draft").checked ? "true" : "false",
        });
        return { name: `${date}-${slug(title, settings.fallback)}.md`, text, broken };
      },
    },
    catatan: {
      typed: false, // the short title follows the chosen meeting's theme until the writer types one
      start() {
        const follow = () => {
          if (!this.typed) field("title").value = field("meeting").selectedOptions[0].dataset.kdaJudul;
        };
        field("title").addEventListener("input", () => { this.typed = field("title").value !== ""; });
        field("meeting").addEventListener("change", follow);
        follow();
      },
      compose() {
        const prefix = field("meeting").value;
        return { name: `${prefix}-${slug(field("title").value, settings.fallback)}.md`, text: settings.text, broken: [] };
      },
    },
  };
  const kind = kinds[settings.kind];

  // The file in the page; with `withMessages`, the messages of the broken rules, each tied to its
  // field (aria-invalid, aria-describedby). Returns the first field to fix, or null.
  const show = (result, withMessages) => {
    form.querySelector("[data-kda-nama]").textContent = result.name;
    form.querySelector("[data-kda-isi]").textContent = result.text;
    const shown = new Map(); // the first field of each name -> ids of its messages shown
    for (const message of form.querySelectorAll("[data-kda-galat]")) {
      const key = message.dataset.kdaGalat;
      const control = form.querySelector(`[name="${key.split(" ")[0]}"]`);
      message.id ||= `kda-tulis-galat-${key.replace(" ", "-")}`;
      message.hidden = !(withMessages && result.broken.includes(key));
      if (!shown.has(control)) shown.set(control, []);
      if (!message.hidden) shown.get(control).push(message.id);
    }
    let first = null;
    for (const [control, ids] of shown) {
      if (ids.length) {
        control.setAttribute("aria-invalid", "true");
        control.setAttribute("aria-describedby", ids.join(" "));
        first ||= control;
      } else {
        control.removeAttribute("aria-invalid");
        control.removeAttribute("aria-describedby");
      }
    }
    return first;
  };

  let submitted = false;
  const update = () => show(kind.compose(), submitted);
  form.addEventListener("input", update);
  form.addEventListener("change", update);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    submitted = true;
    const result = kind.compose();
    const invalid = show(result, true);
    if (invalid) {
      invalid.focus();
      return;
    }
    const query = `filename=${encodeURIComponent(result.name)}&value=${encodeURIComponent(result.text)}`;
    window.location.assign(`${settings.editor}?${query}`);
  });

  kind.start();
  form.hidden = false;
  update();
})();
