"""The materials (docs/materi/) as their templates read them: each material with its page and the meetings that use it."""

from __future__ import annotations

from dataclasses import dataclass

from kda.model.data import SiteData
from kda.model.schema import Materi, Pertemuan
from kda.views.pages import PageMap


@dataclass(frozen=True)
class MaterialLink:
    """A material where a page names it: linked to its own page."""

    materi: Materi
    page: str  # its page (materi/<id>.md)


@dataclass(frozen=True)
class MaterialView:
    materi: Materi
    page: str
    meetings: tuple[Pertemuan, ...]  # the meetings that use it, in the data's order


def material_link(data: SiteData, pages: PageMap, material_id: str) -> MaterialLink:
    return MaterialLink(data.material(material_id), pages.material(material_id))


def material_view(data: SiteData, pages: PageMap, material_id: str) -> MaterialView:
    return MaterialView(data.material(material_id), pages.material(material_id),
                        tuple(data.meetings_for_material(material_id)))


def material_views(data: SiteData, pages: PageMap) -> tuple[MaterialView, ...]:
    """Every material, in the data's order."""
    return tuple(material_view(data, pages, m.id) for m in data.materi)
