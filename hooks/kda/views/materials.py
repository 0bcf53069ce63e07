"""The materials (docs/materi/) as their templates read them: each material with the meetings that use it."""

from __future__ import annotations

from dataclasses import dataclass

from kda.model.data import SiteData
from kda.model.schema import Materi, Pertemuan


@dataclass(frozen=True)
class MaterialView:
    materi: Materi
    meetings: tuple[Pertemuan, ...]  # the meetings that use it, in the data's order


def material_view(data: SiteData, material_id: str) -> MaterialView:
    return MaterialView(data.material(material_id), tuple(data.meetings_for_material(material_id)))


def material_views(data: SiteData) -> tuple[MaterialView, ...]:
    """Every material, in the data's order."""
    return tuple(material_view(data, m.id) for m in data.materi)
