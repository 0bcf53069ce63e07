"""The state of one build, kept on MkDocs' config object (`config[STATE]`), never in module globals:
MkDocs keeps the modules alive across rebuilds in `mkdocs serve`. And the build date it is made for.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from kda.model.data import SiteData
from kda.outputs import pdf
from kda.settings import Settings
from kda.views import responses as reader_responses
from kda.views.render import Renderer

STATE = "kda_build"


@dataclass(frozen=True)
class BuildState:
    data: SiteData
    responses: reader_responses.ResponseSettings
    renderer: Renderer | None = None
    cards: dict = field(default_factory=dict)  # path in the site -> preview card, filled per page
    pdf_jobs: tuple[pdf.PdfJob, ...] = ()
    settings: Settings | None = None  # mkdocs.yml and the environment, read once
    glossary: tuple = ()  # glossary.Istilah of data/istilah.yml
    later_pages: frozenset[str] = frozenset()  # pages (in docs/) that posts dated after the build date will add


def build_date(data: SiteData, settings: Settings) -> dt.date:
    """Today in the group's time zone, or the date in KDA_TODAY (for tests and previews)."""
    return settings.environment.today or dt.datetime.now(data.kelompok.tz).date()
