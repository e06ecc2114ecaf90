"""Two people changing the same thing: the second sees both values; nothing silently lost."""

import subprocess
import sys
import textwrap

import pytest

from app.conflicts import EditConflict
from app.context import AppContext
from app.edits import apply_fields
from app.imrs import add_agency
from app.reviews import create_review, get_review
from db.models import Imr, Review
from db.store import StaleEditError, check_store, open_store
from tests.conftest import TODAY


@pytest.fixture
def other(store):
    """A second person on the same store (their own connection on a shared one)."""
    if not store.shared:
        yield AppContext(store, "Sam Author", today_override=TODAY)
        return
    second = open_store(store.address)
    yield AppContext(second, "Sam Author", today_override=TODAY)
    second.close()


@pytest.fixture
def review(ctx):
    return create_review(ctx, review_type="lcspr", reference="TWO-1", title="Child T")


def test_a_stale_edit_is_refused_with_both_values(ctx, other, review):
    apply_fields(other, "review", review, {"title": "Child T (Sam's wording)"})
    with pytest.raises(EditConflict) as caught:
        apply_fields(ctx, "review", review, {"title": "Child T (mine)"}, seen={"title": "Child T"})
    conflict = caught.value
    assert conflict.theirs == {"title": "Child T (Sam's wording)"}
    assert conflict.yours == {"title": "Child T (mine)"}
    assert conflict.conflicts[0].changed_by == "Sam Author"
    message = str(conflict)
    assert "Sam's wording" in message and "(mine)" in message and "Sam Author" in message
    assert get_review(ctx, review).title == "Child T (Sam's wording)"


def test_writing_over_theirs_knowingly_saves_mine(ctx, other, review):
    apply_fields(other, "review", review, {"title": "Theirs"})
    with pytest.raises(EditConflict) as caught:
        apply_fields(ctx, "review", review, {"title": "Mine"}, seen={"title": "Child T"})
    apply_fields(ctx, "review", review, {"title": "Mine"}, seen=caught.value.theirs)
    assert get_review(other, review).title == "Mine"


def test_changes_to_other_fields_or_to_the_same_value_are_no_conflict(ctx, other, review):
    apply_fields(other, "review", review, {"partnership": "North Partnership"})
    apply_fields(ctx, "review", review, {"title": "Mine"}, seen={"title": "Child T"})
    apply_fields(other, "review", review, {"status": "analysis"})
    apply_fields(ctx, "review", review, {"status": "analysis"}, seen={"status": "scoping"})
    detail = get_review(ctx, review)
    assert (detail.title, detail.partnership) == ("Mine", "North Partnership")


def test_every_change_raises_the_version_and_an_outdated_write_fails(pg_url):
    # (On SQLite the outdated write cannot even start: the reader's snapshot is refused.)
    with open_store(pg_url) as first, open_store(pg_url) as second:
        ctx, other = AppContext(first, "Chair"), AppContext(second, "Sam Author")
        review = create_review(ctx, review_type="lcspr", reference="VER-1", title="Child V")
        _outdated_write_fails(ctx, other, review)


def _outdated_write_fails(ctx, other, review) -> None:
    with ctx.session() as session:
        assert session.get(Review, review).version == 1
    apply_fields(ctx, "review", review, {"title": "One"})
    apply_fields(ctx, "review", review, {"title": "Two"})
    with pytest.raises(StaleEditError):
        with ctx.session() as session:
            loaded = session.get(Review, review)
            assert loaded.version == 3
            apply_fields(other, "review", review, {"title": "Three"})  # saved meanwhile
            loaded.title = "Four"  # from the outdated copy
    assert get_review(ctx, review).title == "Three"


COUNTER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from app.conflicts import EditConflict
    from app.context import AppContext
    from app.edits import apply_fields
    from db.models import Imr
    from db.store import StaleEditError, check_store, open_store

    url, imr, times, name = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    folder = Path(sys.argv[5])
    with open_store(url) as store:
        ctx = AppContext(store, name)
        # Both start editing together, however long each took to start.
        (folder / f"{name}.ready").touch()
        deadline = time.monotonic() + 120
        while len(list(folder.glob("*.ready"))) < 2 and time.monotonic() < deadline:
            time.sleep(0.01)
        done = conflicts = 0
        while done < times:
            with ctx.session() as session:
                seen = session.get(Imr, imr).summary
            time.sleep(0.005)  # a moment between reading the text and saving it, as people take
            try:
                apply_fields(ctx, "imr", imr, {"summary": f"{seen} {name}{done}".strip()},
                             seen={"summary": seen})
                done += 1
            except EditConflict:
                conflicts += 1
        print(conflicts)
    """
)


def test_two_processes_editing_one_text_on_the_shared_store_lose_no_update(pg_url, tmp_path):
    with open_store(pg_url) as store:
        ctx = AppContext(store, "Chair")
        review = create_review(ctx, review_type="lcspr", reference="COUNT", title="C")
        imr = add_agency(ctx, review, "Police", "police")
    times = 40
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", COUNTER, pg_url, str(imr), str(times), name, str(tmp_path)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("First", "Second")
    ]
    outputs = [w.communicate(timeout=300) for w in workers]
    assert [w.returncode for w in workers] == [0, 0], [err for _out, err in outputs]
    with open_store(pg_url) as store, store.session() as session:
        words = session.get(Imr, imr).summary.split()
    assert sorted(words) == sorted(f"{n}{i}" for n in ("First", "Second") for i in range(times))
    assert sum(int(out) for out, _err in outputs) > 0  # they did get in each other's way
    health = check_store(pg_url)  # the trail, written by both at once, is one intact chain
    assert health.healthy, health.problems


def test_a_register_entry_saved_from_an_outdated_copy_fails(pg_url):
    """Two people change the same register entry at once: the later save, made from the copy
    read before the other was saved, is refused rather than overwriting it."""
    from app.publishing.people import add_person, update_person
    from db.publishing_models import Person

    with open_store(pg_url) as first, open_store(pg_url) as second:
        ctx, other = AppContext(first, "Chair"), AppContext(second, "Sam Author")
        review = create_review(ctx, review_type="lcspr", reference="VER-2", title="Child W")
        person = add_person(ctx, review, name="Jo Bloggs", descriptor="the mother")
        with pytest.raises(StaleEditError):
            with ctx.session() as session:
                loaded = session.get(Person, person)
                assert loaded.version == 1
                update_person(other, person, descriptor="Mother")  # saved meanwhile
                loaded.descriptor = "Parent"  # from the outdated copy
        with other.session() as session:
            kept = session.get(Person, person)
            assert (kept.descriptor, kept.version) == ("Mother", 2)
