"""The learning journal's charts, drawn once per build as static SVG with matplotlib.

Only what has data is drawn: the attendance chart once an attendance is recorded, the test
chart once a pre-test is (which needs the scale of data/kelompok.yml, so no axis is invented).
The curriculum's progress is a list on the page, not a chart: 19 full topic names read better
as text than as labels squeezed into bars. Every text is drawn at FONT_SIZE or larger, which
renders at 12 px or more on a 360 px phone (the chart is ~302 units wide and shown ~328 px wide).

matplotlib's SVG backend (no JavaScript, no browser, no network) draws; this module only
chooses what to draw and then adapts the SVG for the web in `_finish`: matplotlib cannot
emit CSS variables, a <title>/<desc> or ARIA attributes, so it draws with placeholder
colours that are swapped for the site's palette variables (light and dark mode follow
Material's toggle when the SVG is inlined; a saved file falls back to the light colours),
and the date/creator metadata is dropped so the output is reproducible.

Each chart is a pure function of a small frozen spec; `render` is memoised on the spec, so a
chart is redrawn only when its data changed (e.g. across rebuilds of `mkdocs serve`), and
`build_charts` keeps the drawn charts on disk by the hash of the spec and of this module, so a
new build process with unchanged data neither draws nor even imports matplotlib (~2 s each).
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import json
import re
import textwrap
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING

from babel.numbers import format_decimal

from kda.outputs.cachefile import write_atomic
from kda.paths import CHARTS_DIR

if TYPE_CHECKING:
    from matplotlib.figure import Figure

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
ET.register_namespace("", SVG_NS)
ET.register_namespace("xlink", XLINK_NS)

# role -> (placeholder drawn by matplotlib, fallback colour of a standalone file).
# The CSS variables --kda-grafik-<role> are set per colour scheme in docs/assets/kda.css.
PALETTE = {
    "teks": ("#010101", "#1f1f1f"),
    "garis": ("#020202", "#6b6b6b"),
    "kisi": ("#030303", "#dcdcdc"),
    "utama": ("#040404", "#009485"),  # Material's teal primary
    "muda": ("#050505", "#80cbc4"),
    "aksen": ("#060606", "#ff6e42"),  # Material's deep orange accent
    "kosong": ("#070707", "#ececec"),
    "di-utama": ("#080808", "#ffffff"),  # text on a primary-coloured bar
}
COLOR = {role: placeholder for role, (placeholder, _) in PALETTE.items()}
WIDTH = 4.2  # inches = 302 viewBox units, shown ~328 px wide on a 360 px phone: text scales up ~9%
FONT_SIZE = 12  # the smallest text of every chart (12 units: ~13 px on a phone)
TITLE_SIZE = 13
LABELLED_TICKS = 10  # meeting names an axis holds at FONT_SIZE on a phone; past that every n-th is named
MAX_VALUE_LABELS = 12  # bars with their value written above them; past that the text version has them
FONT_FAMILY = "var(--md-text-font-family, system-ui, sans-serif)"

# The per-meeting charts draw the latest two TOR cycles at most: more bars are unreadable on a
# phone, and every one adds to the journey page (1,600 meetings drew 82 KB compressed).
RECENT_MEETINGS = 32


@dataclass(frozen=True)
class Chart:
    """A rendered chart: its file name in the site, its SVG, and its text alternative."""

    name: str
    judul: str
    keterangan: str
    svg: str

    @property
    def path(self) -> str:
        return f"{CHARTS_DIR}/{self.name}.svg"

    @property
    def inline(self) -> str:
        """The SVG without the XML declaration, to be placed inside an HTML page."""
        return self.svg.split("?>", 1)[1].strip()


@dataclass(frozen=True)
class AttendanceSpec:
    meetings: tuple[tuple[str, int | None], ...]  # (short label, attendance or None)
    kuorum: int
    jumlah_anggota: int
    semua: int = 0  # meetings the journal shows, when more than are drawn (the latest RECENT_MEETINGS)


@dataclass(frozen=True)
class ScoresSpec:
    meetings: tuple[tuple[str, float, float | None], ...]  # (label, pre, post or None)
    topics: tuple[tuple[str, float, float], ...]  # (label, pre, post)
    terendah: float
    tertinggi: float
    semua: int = 0  # meetings with a pre-test, when more than are drawn


# --- specs from the journal ------------------------------------------------------------------

def build_charts(journal, cache_dir: Path | None = None) -> dict[str, Chart]:
    """The charts of the learning journey that have data, by name (kept in `cache_dir`)."""
    data = journal.data
    specs = []
    shown = journal.shown()
    if journal.with_attendance():
        specs.append(AttendanceSpec(tuple((_short(r.meeting), r.hadir) for r in shown[-RECENT_MEETINGS:]),
                                    data.kelompok.kuorum, data.kelompok.jumlah_anggota, _beyond(shown)))
    scale = data.kelompok.skala_tes
    tested = journal.with_tests()
    if tested and scale:  # a recorded score needs the scale (journal_rules): no axis is invented
        specs.append(ScoresSpec(
            tuple((_short(r.meeting), r.pre, r.post) for r in tested[-RECENT_MEETINGS:]),
            tuple((f"{s.topic.nomor}. {s.topic.judul}", s.pre, s.post) for s in journal.topic_scores()),
            scale.terendah, scale.tertinggi, _beyond(tested)))
    charts = (cached_render(spec, cache_dir) for spec in specs)
    return {chart.name: chart for chart in charts}


def cached_render(spec, cache_dir: Path | None) -> Chart:
    """The chart of `spec`, read from `cache_dir` when drawn before by this module's code and matplotlib."""
    if cache_dir is None:
        return render(spec)
    cached = cache_dir / f"{spec_key(spec)}.json"
    if cached.is_file():
        return Chart(**json.loads(cached.read_text(encoding="utf-8")))
    chart = render(spec)
    write_atomic(cached, json.dumps(dataclasses.asdict(chart), ensure_ascii=False))  # never a half-written chart
    return chart


def spec_key(spec) -> str:
    """What decides a chart's SVG: its data, the drawing code (this file) and matplotlib's version."""
    digest = hashlib.sha256(f"{type(spec).__name__}|{spec!r}|{version('matplotlib')}|".encode())
    digest.update(Path(__file__).read_bytes())
    return digest.hexdigest()[:32]


def _beyond(records: list) -> int:
    """How many there are, when more than the charts draw; else 0."""
    return len(records) if len(records) > RECENT_MEETINGS else 0


def _latest(drawn: int, semua: int) -> str:
    """', 32 terakhir dari 40' (the latest 32 of 40) when a chart draws only the latest meetings."""
    return f", {drawn} terakhir dari {semua}" if semua else ""


def _short(meeting) -> str:
    return "P" if meeting.nomor == 0 else str(meeting.nomor)


# --- drawing ---------------------------------------------------------------------------------

@lru_cache(maxsize=32)
def render(spec) -> Chart:
    """Draw the chart of `spec` (memoised: the spec is its data, hashed)."""
    draw = {AttendanceSpec: _attendance, ScoresSpec: _scores}[type(spec)]
    return draw(spec)


def _style(name: str) -> dict:
    return {
        "svg.fonttype": "none",  # text stays text: small, selectable, in the page's font
        "svg.hashsalt": name,  # stable ids, distinct between charts on one page
        "font.size": FONT_SIZE,
        "text.color": COLOR["teks"],
        "axes.edgecolor": COLOR["garis"],
        "axes.labelcolor": COLOR["teks"],
        "xtick.color": COLOR["garis"],
        "ytick.color": COLOR["garis"],
        "xtick.labelcolor": COLOR["teks"],
        "ytick.labelcolor": COLOR["teks"],
        "grid.color": COLOR["kisi"],
        "hatch.color": COLOR["di-utama"],
        "hatch.linewidth": 1.5,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "figure.facecolor": "none",
        "axes.facecolor": "none",
        "savefig.facecolor": "none",
        "legend.frameon": False,
    }


def _matplotlib():
    """matplotlib, imported when a chart is drawn (not on a build that reads every chart from the cache)."""
    import matplotlib

    return matplotlib


def _figure(name: str, height: float) -> Figure:
    from matplotlib.figure import Figure

    return Figure(figsize=(WIDTH, height), layout="constrained")


def _attendance(spec: AttendanceSpec) -> Chart:
    name = "kehadiran"
    recorded = [(label, n) for label, n in spec.meetings if n is not None]
    judul = (f"Kehadiran per pertemuan{_latest(len(spec.meetings), spec.semua)} "
             f"(kuorum {spec.kuorum} dari {spec.jumlah_anggota} anggota)")
    with _matplotlib().rc_context(_style(name)):
        fig = _figure(name, 2.9)
        ax = fig.add_subplot()
        labels = [label for label, _ in spec.meetings] or ["–"]
        for x, (label, count) in enumerate(spec.meetings):
            if count is None:
                ax.text(x, 0.15, "?", ha="center", va="bottom", color=COLOR["garis"])
                continue
            quorate = count >= spec.kuorum
            ax.bar(x, count, width=0.7, color=COLOR["utama" if quorate else "aksen"],
                   hatch=None if quorate else "//", gid=f"kda-hadir-{label}")
            if len(spec.meetings) <= MAX_VALUE_LABELS:
                ax.text(x, count + 0.15, str(count), ha="center", va="bottom", fontsize=FONT_SIZE)
        ax.axhline(spec.kuorum, color=COLOR["aksen"], linestyle="--", linewidth=1.5, gid="kda-garis-kuorum")
        ax.text(1.01, spec.kuorum, "kuorum", transform=ax.get_yaxis_transform(),
                ha="left", va="center", color=COLOR["teks"], fontsize=FONT_SIZE)
        _meeting_ticks(ax, labels)
        ax.set_ylim(0, spec.jumlah_anggota + 1)
        ax.set_yticks(sorted({0, spec.kuorum, spec.jumlah_anggota}))
        ax.set_xlabel("Pertemuan (P: pendahuluan, ?: belum dicatat)" if len(recorded) < len(spec.meetings)
                      else "Pertemuan (P: pendahuluan)")
        ax.set_ylabel("Anggota hadir")
        ax.grid(axis="y")
        ax.set_axisbelow(True)
        ax.set_title(_wrap(judul), loc="left", fontsize=TITLE_SIZE)
        svg = _save(fig)
    below = [label for label, n in recorded if n < spec.kuorum]
    keterangan = ((f"Grafik ini memuat {len(spec.meetings)} pertemuan terakhir; kehadiran setiap pertemuan "
                   "ada di jadwal. " if spec.semua else "")
                  + f"Kehadiran tercatat di {len(recorded)} pertemuan: "
                  + "; ".join(f"{_meeting_word(label)}: {n} hadir" for label, n in recorded) + ". "
                  + (f"Tidak memenuhi kuorum {spec.kuorum}: {', '.join(_meeting_word(b) for b in below)}."
                     if below else f"Semuanya memenuhi kuorum {spec.kuorum}."))
    return _finish(name, judul, keterangan, svg)


def _scores(spec: ScoresSpec) -> Chart:
    """Per meeting, the pre- and post-test averages on the group's scale (the per-topic averages
    are a table on the page: full topic names read better there than under bars)."""
    name = "nilai-tes"
    judul = f"Nilai rata-rata pre-test dan post-test per pertemuan{_latest(len(spec.meetings), spec.semua)}"
    with _matplotlib().rc_context(_style(name)):
        fig = _figure(name, 3.1)
        ax = fig.add_subplot()
        _scores_per_meeting(ax, spec)
        ax.set_title(_wrap(judul), loc="left", fontsize=TITLE_SIZE)
        svg = _save(fig)
    per_meeting = "; ".join(
        f"{_meeting_word(label)}: pre-test {_num(pre)}"
        + (f", post-test {_num(post)} (naik {_num(post - pre)})" if post is not None else ", post-test belum dicatat")
        for label, pre, post in spec.meetings)
    per_topic = "; ".join(f"pokok bahasan {label}: {_num(pre)} menjadi {_num(post)}" for label, pre, post in spec.topics)
    keterangan = (f"Skala {_num(spec.terendah)}–{_num(spec.tertinggi)}. "
                  f"Per pertemuan{_latest(len(spec.meetings), spec.semua)}: {per_meeting}."
                  + (f" Per pokok bahasan: {per_topic}." if per_topic else ""))
    return _finish(name, judul, keterangan, svg)


def _scores_per_meeting(ax, spec: ScoresSpec) -> None:
    labelled = len(spec.meetings) <= MAX_VALUE_LABELS
    for x, (label, pre, post) in enumerate(spec.meetings):
        ax.bar(x - 0.19, pre - spec.terendah, width=0.38, bottom=spec.terendah, color=COLOR["muda"],
               gid=f"kda-pre-{label}")
        if post is not None:
            ax.bar(x + 0.19, post - spec.terendah, width=0.38, bottom=spec.terendah, color=COLOR["utama"],
                   gid=f"kda-post-{label}")
            gain = post - pre
            if labelled:
                ax.text(x + 0.19, post, f"{'+' if gain >= 0 else '−'}{_num(abs(gain))}", ha="center", va="bottom",
                        fontsize=FONT_SIZE)
    _meeting_ticks(ax, [label for label, _, _ in spec.meetings])
    span = spec.tertinggi - spec.terendah
    ax.set_ylim(spec.terendah, spec.tertinggi + span * 0.35)  # room for the legend above the bars
    ax.set_yticks([t for t in ax.get_yticks() if spec.terendah <= t <= spec.tertinggi])
    from matplotlib.patches import Patch

    handles = [Patch(color=COLOR["muda"], label="pre-test"), Patch(color=COLOR["utama"], label="post-test")]
    ax.legend(handles=handles, loc="upper left", ncols=2, fontsize=FONT_SIZE)
    ax.set_xlabel("Pertemuan (P: pendahuluan)")
    ax.set_ylabel("Nilai")
    ax.grid(axis="y")
    ax.set_axisbelow(True)


def _meeting_ticks(ax, labels: list[str]) -> None:
    """One tick per meeting; past LABELLED_TICKS meetings only every n-th is named, so names never overlap."""
    step = max(1, -(-len(labels) // LABELLED_TICKS))
    ax.set_xticks(range(len(labels)), [label if i % step == 0 else "" for i, label in enumerate(labels)])
    ax.set_xlim(-0.6, max(len(labels), 4) - 0.4)


# --- output ----------------------------------------------------------------------------------

def _save(fig: Figure) -> str:
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None, "Format": None, "Type": None})
    return buffer.getvalue()


def _finish(name: str, judul: str, keterangan: str, svg: str) -> Chart:
    """Adapt matplotlib's SVG for the web: palette variables, title/desc, ARIA, no metadata."""
    root = ET.fromstring(svg)
    for element in list(root):
        if element.tag in (f"{{{SVG_NS}}}metadata",):
            root.remove(element)
    for defs in root.iter(f"{{{SVG_NS}}}defs"):
        for style in list(defs.findall(f"{{{SVG_NS}}}style")):  # a page-wide `*{...}` rule once inlined
            defs.remove(style)
    _drop_unused_ids(root)
    for element in root.iter():
        for attribute in ("style", "fill", "stroke"):
            if attribute in element.attrib:
                element.set(attribute, _recolour(element.get(attribute)))
    title = ET.Element(f"{{{SVG_NS}}}title", id=f"{name}-judul")
    title.text = judul
    desc = ET.Element(f"{{{SVG_NS}}}desc", id=f"{name}-keterangan")
    desc.text = keterangan
    root.insert(0, desc)
    root.insert(0, title)
    for attribute in ("width", "height"):  # the page sizes it (CSS); the viewBox keeps the ratio
        root.attrib.pop(attribute, None)
    root.set("role", "img")
    root.set("aria-labelledby", f"{name}-judul {name}-keterangan")
    root.set("class", "kda-grafik-svg")
    root.set("stroke-linejoin", "round")
    text = ET.tostring(root, encoding="unicode")
    return Chart(name, judul, keterangan, '<?xml version="1.0" encoding="utf-8"?>\n' + text + "\n")


_REFERENCE = re.compile(r"#([^)\"'\s]+)")


def _drop_unused_ids(root: ET.Element) -> None:
    """Keep only the ids something points to (clip paths, markers: salted per chart) and ours
    (`kda-*`): matplotlib's `figure_1`, `axes_1`... would repeat on a page with several charts."""
    used = set()
    for element in root.iter():
        for name, value in element.attrib.items():
            if name == "style" or name.endswith(("clip-path", "href")):
                used.update(_REFERENCE.findall(value))
    for element in root.iter():
        identifier = element.get("id")
        if identifier and identifier not in used and not identifier.startswith("kda-"):
            del element.attrib["id"]


_FONT = re.compile(r"font-family:[^;\"]*(;|$)")


def _recolour(value: str) -> str:
    for role, (placeholder, fallback) in PALETTE.items():
        value = value.replace(placeholder, f"var(--kda-grafik-{role}, {fallback})")
    return _FONT.sub(lambda m: f"font-family: {FONT_FAMILY}{m.group(1)}", value)


def _wrap(text: str, width: int = 40) -> str:
    return "\n".join(textwrap.wrap(text, width))


def _num(value: float) -> str:
    """A score as written in Indonesian: 72,5 or 80."""
    return format_decimal(value, "#,##0.#", locale="id")


def _meeting_word(label: str) -> str:
    return "pendahuluan" if label == "P" else f"pertemuan {label}"
