"""The QR code of the site's public address, as SVG, made at build time with segno."""

from __future__ import annotations

import io

import segno

from kda.paths import QR_FILE

QR_PATH = QR_FILE


def qr_svg(address: str) -> bytes:
    """A QR code (error correction M: still reads when printed small or slightly smudged), black on
    white even in the dark colour scheme, with the quiet zone scanners need."""
    code = segno.make(address, error="m", micro=False)
    out = io.BytesIO()
    code.save(out, kind="svg", scale=10, border=4, dark="#000", light="#fff", xmldecl=False, title=f"Kode QR: {address}",
              svgclass="kda-qr", lineclass=None)
    return out.getvalue()
