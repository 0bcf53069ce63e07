"""The learning journey (docs/perjalanan.md) as its template reads it: the journal's summary, the
curriculum's topics by status, the scores per topic and the charts drawn for this build."""

from __future__ import annotations

from dataclasses import dataclass

from kda.model.journal import Journal, Summary, TopicScores
from kda.model.kinds import Status
from kda.model.schema import PokokBahasan


@dataclass(frozen=True)
class TopicLine:
    topic: PokokBahasan
    inferred: bool  # a meeting was assigned to it by the site (tafsiran_situs), not by the data


@dataclass(frozen=True)
class LearningJourney:
    summary: Summary
    topics: dict[Status, tuple[TopicLine, ...]]  # the topics of each status (every status a key), in the TOR's order
    topic_scores: tuple[TopicScores, ...]
    charts: dict  # kda.outputs.charts.Chart by name: only the charts that have data


def learning_journey(journal: Journal, charts: dict) -> LearningJourney:
    data = journal.data
    topics = {status: tuple(TopicLine(t, data.topic_inferred(t.id)) for t in grouped)
              for status, grouped in journal.agenda.topics_by_status().items()}
    return LearningJourney(journal.summary(), topics, tuple(journal.topic_scores()), charts)
