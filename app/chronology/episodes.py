"""Key practice episodes: periods of the case analysed as one, with the entries they hold."""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import delete, func, insert, select

from app.context import AppContext
from app.errors import NotFoundError
from db.chronology_models import ChronologyEntry, EpisodeEntry, KeyEpisode


@dataclass(frozen=True)
class EpisodeRecord:
    id: int
    position: int
    title: str
    start: date | None
    end: date | None
    summary: str
    entries: int


def list_episodes(ctx: AppContext, review_id: int) -> list[EpisodeRecord]:
    with ctx.session() as session:
        counts = dict(
            session.execute(
                select(EpisodeEntry.episode_id, func.count())
                .join(KeyEpisode, KeyEpisode.id == EpisodeEntry.episode_id)
                .where(KeyEpisode.review_id == review_id)
                .group_by(EpisodeEntry.episode_id)
            ).all()
        )
        episodes = session.scalars(
            select(KeyEpisode)
            .where(KeyEpisode.review_id == review_id)
            .order_by(KeyEpisode.position, KeyEpisode.id)
        )
        return [
            EpisodeRecord(e.id, e.position, e.title, e.start, e.end, e.summary, counts.get(e.id, 0))
            for e in episodes
        ]


def link_entries(
    ctx: AppContext, episode_id: int, entry_ids: list[int], linked: bool = True
) -> int:
    """Link (or unlink) entries to an episode; returns how many links changed."""
    with ctx.session() as session:
        episode = session.get(KeyEpisode, episode_id)
        if episode is None:
            raise NotFoundError("That key practice episode no longer exists.")
        existing = set(
            session.scalars(
                select(EpisodeEntry.entry_id).where(
                    EpisodeEntry.episode_id == episode_id, EpisodeEntry.entry_id.in_(entry_ids)
                )
            )
        )
        if linked:
            valid = set(
                session.scalars(
                    select(ChronologyEntry.id).where(
                        ChronologyEntry.id.in_(entry_ids),
                        ChronologyEntry.review_id == episode.review_id,
                    )
                )
            )
            rows = [{"episode_id": episode_id, "entry_id": i} for i in valid - existing]
            if rows:
                session.execute(insert(EpisodeEntry), rows)
            return len(rows)
        if existing:
            session.execute(
                delete(EpisodeEntry).where(
                    EpisodeEntry.episode_id == episode_id, EpisodeEntry.entry_id.in_(existing)
                )
            )
        return len(existing)


def episode_entry_ids(ctx: AppContext, episode_id: int) -> list[int]:
    with ctx.session() as session:
        return list(
            session.scalars(
                select(EpisodeEntry.entry_id).where(EpisodeEntry.episode_id == episode_id)
            )
        )
