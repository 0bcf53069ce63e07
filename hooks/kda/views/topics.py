"""The topic index (docs/topik.md) as its template reads it: small view objects, not the model.

Each topic with a meeting, a material or an article gets an entry with all of them and its
status; the others are listed briefly. Computed here once, so the template only lays it out.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from kda.checks.frontmatter import Article
from kda.model.kinds import Status
from kda.model.schema import PokokBahasan
from kda.views.materials import MaterialLink, material_link
from kda.views.meetings import MeetingView, MeetingViews


@dataclass(frozen=True)
class TopicEntry:
    """One topic in full: what covers it and how far it has come."""

    topic: PokokBahasan
    status: Status
    meetings: tuple[MeetingView, ...]
    materials: tuple[MaterialLink, ...]
    articles: tuple[Article, ...]
    inferred: bool  # a meeting was assigned to it by the site (tafsiran_situs), not by the data


@dataclass(frozen=True)
class TopicIndex:
    covered: int  # topics a held meeting covered
    total: int
    full: tuple[TopicEntry, ...]  # topics with a meeting, a material or an article, in the TOR's order
    rest: tuple[PokokBahasan, ...]  # the others, briefly


def topic_index(views: MeetingViews, articles_for_topic: Callable[[str], list[Article]]) -> TopicIndex:
    data, agenda = views.agenda.data, views.agenda
    full, rest = [], []
    for topic in data.pokok_bahasan:
        meetings, articles = views.each(data.meetings_for_topic(topic.id)), tuple(articles_for_topic(topic.id))
        if not (meetings or articles):
            rest.append(topic)
            continue
        materials = tuple(material_link(data, views.pages, m.id) for m in data.materials_for_topic(topic.id))
        full.append(TopicEntry(topic, agenda.topic_status(topic.id), meetings, materials, articles,
                               data.topic_inferred(topic.id)))
    covered = sum(entry.status == Status.SELESAI for entry in full)  # a covered topic has a held meeting
    return TopicIndex(covered, len(data.pokok_bahasan), tuple(full), tuple(rest))
