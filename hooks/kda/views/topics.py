"""The topic index (docs/topik.md) as its template reads it: small view objects, not the model.

Each topic with a meeting, a material or an article gets an entry with all of them and its
status; the others are listed briefly. Computed here once, so the template only lays it out.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from kda.checks.frontmatter import Article
from kda.model.agenda import Agenda
from kda.model.data import SiteData
from kda.model.kinds import Status
from kda.model.schema import Materi, Pertemuan, PokokBahasan


@dataclass(frozen=True)
class TopicEntry:
    """One topic in full: what covers it and how far it has come."""

    topic: PokokBahasan
    status: Status
    meetings: tuple[Pertemuan, ...]
    materials: tuple[Materi, ...]
    articles: tuple[Article, ...]
    inferred: bool  # a meeting was assigned to it by the site (tafsiran_situs), not by the data


@dataclass(frozen=True)
class TopicIndex:
    covered: int  # topics a held meeting covered
    total: int
    full: tuple[TopicEntry, ...]  # topics with a meeting, a material or an article, in the TOR's order
    rest: tuple[PokokBahasan, ...]  # the others, briefly


def topic_index(data: SiteData, agenda: Agenda, articles_for_topic: Callable[[str], list[Article]]) -> TopicIndex:
    full, rest = [], []
    for topic in data.pokok_bahasan:
        meetings, articles = tuple(data.meetings_for_topic(topic.id)), tuple(articles_for_topic(topic.id))
        if not (meetings or articles):
            rest.append(topic)
            continue
        full.append(TopicEntry(topic, agenda.topic_status(topic.id), meetings,
                               tuple(data.materials_for_topic(topic.id)), articles, data.topic_inferred(topic.id)))
    covered = sum(entry.status == Status.SELESAI for entry in full)  # a covered topic has a held meeting
    return TopicIndex(covered, len(data.pokok_bahasan), tuple(full), tuple(rest))
