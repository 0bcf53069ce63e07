"""Link-preview images (Open Graph cards): 1200×630 PNG, drawn with Pillow, offline.

Material's `social` plugin downloads its font at build time (it fails offline), so the cards
are drawn here with Noto Sans (SIL Open Font License 1.1), installed from the pinned PyPI
package `fontpkg-noto-sans`: nothing is fetched at build time.

A card is cached under `.cache/pratinjau/` by the hash of what it shows (and of this
drawing's version and the font), so it is redrawn only when the page's title or data
changes. No MkDocs import.
"""

from __future__ import annotations

import hashlib
import io
import shutil
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import fontpkg_noto_sans
from PIL import Image, ImageDraw, ImageFont

from kda.outputs.cachefile import write_atomic
from kda.paths import CARDS_DIR

WIDTH, HEIGHT = 1200, 630
DRAWING_VERSION = "2"  # bump when the layout below changes: every cached card is redrawn
FONT_FILE = fontpkg_noto_sans.ROOT / "files" / "NotoSans[wdth,wght].ttf"

TEAL = (0, 121, 107)  # Material's teal 700: the site's primary colour, darkened for contrast
WHITE = (255, 255, 255)
PALE = (204, 235, 231)
ORANGE = (255, 138, 101)  # deep orange 300: the accent
MARGIN = 80


@dataclass(frozen=True)
class Card:
    """What one preview image shows."""

    site_name: str
    title: str
    details: tuple[str, ...] = ()  # e.g. the Indonesian date and the place of a meeting
    footer: str = ""  # the site's address

    def digest(self) -> str:
        font_id = f"{FONT_FILE.name}:{FONT_FILE.stat().st_size}"
        text = "\x1f".join((DRAWING_VERSION, font_id, self.site_name, self.title, *self.details, self.footer))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def card_path(slug: str, card: Card) -> str:
    """Where the card is published: its name changes with its content, so apps refetch it."""
    return f"{CARDS_DIR}/{slug}.{card.digest()}.png"


def publish(card: Card, destination: Path, cache_dir: Path) -> bool:
    """Write the card to `destination`, from the cache when drawn before; True if drawn now."""
    cached = cache_dir / f"{card.digest()}.png"
    drawn = not cached.exists()
    if drawn:
        write_atomic(cached, draw(card))  # never a half-written card, even with two builds at once
    destination.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(cached, destination)
    return drawn


def publish_all(cards: dict[str, Card], site_dir: Path, cache_dir: Path) -> int:
    """Publish every registered card into the built site; returns how many were drawn anew."""
    return sum(publish(card, site_dir / path, cache_dir) for path, card in cards.items())


def draw(card: Card) -> bytes:
    image = Image.new("RGB", (WIDTH, HEIGHT), TEAL)
    pen = ImageDraw.Draw(image)
    pen.rectangle((0, HEIGHT - 16, WIDTH, HEIGHT), fill=ORANGE)
    width = WIDTH - 2 * MARGIN

    pen.text((MARGIN, 64), card.site_name, font=_font(40, "SemiBold"), fill=PALE)
    y = 150
    title_font, lines = _fit_title(card.title, width, max_lines=3 if card.details else 4)
    for line in lines:
        pen.text((MARGIN, y), line, font=title_font, fill=WHITE)
        y += int(title_font.size * 1.22)
    y += 20
    detail_font = _font(36, "Regular")
    for detail in card.details[:2]:
        pen.text((MARGIN, y), _one_line(detail, detail_font, width), font=detail_font, fill=PALE)
        y += 48
    if card.footer:
        pen.text((MARGIN, HEIGHT - 90), card.footer, font=_font(30, "Regular"), fill=PALE)
    return _png(image)


def _png(image: Image.Image) -> bytes:
    """A palette PNG: flat colours and anti-aliased text stay sharp and small (tens of KB).

    Fast octree and zlib's default level: five times faster than median cut with
    `optimize`, and no larger, which matters for the first build of a site with thousands of pages."""
    out = io.BytesIO()
    image.quantize(colors=64, method=Image.Quantize.FASTOCTREE).save(out, "PNG", compress_level=6)
    return out.getvalue()


@lru_cache(maxsize=16)  # read once per size and weight; drawing never changes a font object
def _font(size: int, weight: str) -> ImageFont.FreeTypeFont:
    font = ImageFont.truetype(str(FONT_FILE), size)
    font.set_variation_by_name(weight)
    return font


def _fit_title(title: str, width: int, max_lines: int) -> tuple[ImageFont.FreeTypeFont, list[str]]:
    """The largest title size whose wrapped lines fit; the last resort is cut with an ellipsis."""
    for size in (72, 64, 56, 50, 44):
        font = _font(size, "Bold")
        lines = _wrap(title, font, width)
        if len(lines) <= max_lines:
            return font, lines
    lines = _wrap(title, font, width)[:max_lines]
    lines[-1] = _one_line(lines[-1] + " …", font, width)
    return font, lines


def _one_line(text: str, font: ImageFont.FreeTypeFont, width: int) -> str:
    """The text on one line, cut at a word with an ellipsis when too long."""
    lines = _wrap(text, font, width)
    if len(lines) == 1:
        return lines[0]
    words = lines[0].split()
    while len(words) > 1 and font.getlength(" ".join(words) + " …") > width:
        words.pop()
    return " ".join(words).rstrip(" ,.;:") + " …"


def _wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Greedy word wrap by rendered width (Pillow has none; textwrap counts characters)."""
    lines: list[str] = []
    for word in text.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and font.getlength(candidate) <= width:
            lines[-1] = candidate
        else:
            lines.append(word)
    return lines or [""]
