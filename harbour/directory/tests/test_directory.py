"""The directory of help: its seed file, loading it, the page readers see and the editors' admin."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.urls import reverse

from harbour.content.topics import taxonomy
from harbour.directory.models import Organisation
from harbour.directory.seed import SEED_FILE, seed_entries
from harbour.directory.selectors import organisation_list
from harbour.directory.services import organisations_load

SEEDS_DIR = Path(__file__).resolve().parents[3].parent / "shared" / "seeds"
LONDON = ZoneInfo("Europe/London")
ENTRIES = seed_entries()
UNCHECKED = "0800 123 4567"  # made up for these tests: it must never reach a page
COPIED_RUN = 8  # as in the advice content's test: this many words shared with a seed is copying

# The public sources an entry may name, and the seed page each stands for.
SEED_PAGES = {
    "Domestic abuse FAQs for mothers": "domestic-abuse-faqs-for-mothers",
    "What help can you get under a child protection plan": "help-under-a-child-protection-plan",
}


def _numbers_in(text: str) -> set[str]:
    return {re.sub(r"\D", "", found) for found in re.findall(r"\d[\d ]*\d", text)}


def _numbers_a_source_gives(source_name: str) -> set[str]:
    if source_name == "Refuge":  # settings.HARBOUR_EMERGENCY names Refuge as its source
        return _numbers_in(settings.HARBOUR_EMERGENCY["helpline_number"])
    slug = SEED_PAGES[source_name]
    # The taxonomy carries the seed pages' facts, each naming the page it comes from.
    text = " ".join(fact for topic in taxonomy().topics
                    if topic_source(topic.id).startswith(slug) for fact in topic.facts)
    seed = SEEDS_DIR / f"{slug}.txt"
    if seed.exists():
        text += " " + seed.read_text(encoding="utf-8")
    return _numbers_in(text)


def topic_source(topic_id: str) -> str:
    import yaml

    from harbour.content.topics import TAXONOMY_FILE

    raw = yaml.safe_load(TAXONOMY_FILE.read_text(encoding="utf-8"))
    return next(t.get("source", "") for t in raw["topics"] if t["id"] == topic_id)


def organisation(**fields) -> Organisation:
    """A valid organisation, saved, with the given fields changed."""
    values = {"name": "Test Support Line", "summary": "Call for support.", "source": "A test source",
              "last_checked": dt.date(2026, 11, 25), "helps_with": ["further-help-organisations"]}
    values.update(fields)
    made = Organisation(**values)
    made.full_clean()
    made.save()
    return made


# --- the seed file ------------------------------------------------------------------------

@pytest.mark.parametrize("entry", ENTRIES, ids=[entry["key"] for entry in ENTRIES])
def test_every_entry_names_its_source_and_when_it_was_checked(entry):
    assert entry["source"].strip()
    assert isinstance(entry["last_checked"], dt.date)
    assert set(entry["helps_with"]) <= taxonomy().topic_ids()


def test_the_seeds_organisations_are_all_there():
    names = {entry["name"] for entry in ENTRIES}
    for expected in ("Police: emergency, 999", "Police: not an emergency, 101",
                     "National Domestic Abuse Helpline", "Rights of Women", "Women's Aid",
                     "Citizens Advice", "Law Centres", "Respect"):
        assert expected in names


@pytest.mark.parametrize("entry", [e for e in ENTRIES if e.get("phone")],
                         ids=[e["key"] for e in ENTRIES if e.get("phone")])
def test_every_number_comes_from_a_seed_page_or_the_source_it_names(entry):
    named = [name for name in [*SEED_PAGES, "Refuge"] if name in entry["source"]]
    assert named, f"{entry['key']}: the source names no known public source"
    number = re.sub(r"\D", "", str(entry["phone"]))
    assert any(number in _numbers_a_source_gives(name) for name in named), (
        f"{entry['key']}: {entry['phone']} is not in {named}")


def test_no_number_is_marked_checked_without_being_given():
    for entry in ENTRIES:
        if entry.get("phone_checked"):
            assert entry.get("phone"), entry["key"]
        # Nothing in the seeds gives a web address; none may be made up.
        assert not entry.get("web_address"), entry["key"]


def test_no_summary_copies_the_seed_pages():
    if not SEEDS_DIR.is_dir():
        pytest.skip(f"seed pages not found at {SEEDS_DIR}")

    def words(text: str) -> list[str]:
        return re.findall(r"[a-z0-9]+", re.sub(r"['\u2018\u2019`]", "", text.lower()))

    seed_runs = set()
    for path in SEEDS_DIR.glob("*.txt"):
        seed_words = words(path.read_text(encoding="utf-8"))
        seed_runs |= {tuple(seed_words[i:i + COPIED_RUN]) for i in range(len(seed_words))}
    for entry in ENTRIES:
        summary = words(entry["summary"])
        copied = [" ".join(summary[i:i + COPIED_RUN]) for i in range(len(summary) - COPIED_RUN + 1)
                  if tuple(summary[i:i + COPIED_RUN]) in seed_runs]
        assert not copied, f"{entry['key']} copies: {copied}"


# --- loading ----------------------------------------------------------------------------

@pytest.fixture
def loaded(db):
    organisations_load()
    return Organisation.objects.all()


def test_loading_adds_every_entry_once(loaded):
    assert loaded.count() == len(ENTRIES)
    report = organisations_load()
    assert not report.changed_anything()
    assert len(report.unchanged) == len(ENTRIES)
    assert Organisation.objects.count() == len(ENTRIES)


def test_an_editors_change_is_kept(loaded):
    edited = Organisation.objects.get(name="Women's Aid")
    edited.phone, edited.summary = UNCHECKED, "Edited by an editor."
    edited.save()

    report = organisations_load()
    assert report.kept_editor_changes == ["womens-aid"]
    edited.refresh_from_db()
    assert (edited.phone, edited.summary) == (UNCHECKED, "Edited by an editor.")


def test_an_organisation_an_editor_deleted_stays_deleted(loaded):
    Organisation.objects.get(name="Respect").delete()
    report = organisations_load()
    assert "respect" in report.kept_editor_changes
    assert not Organisation.objects.filter(name="Respect").exists()


def test_a_changed_entry_updates_an_organisation_nobody_edited(loaded, tmp_path):
    changed = tmp_path / "organisations.yaml"
    changed.write_text(SEED_FILE.read_text(encoding="utf-8").replace(
        "Ask your local Law Centre", "Changed: ask your local Law Centre"), encoding="utf-8")
    report = organisations_load(path=changed)
    assert report.updated == ["law-centres"]
    assert Organisation.objects.get(name="Law Centres").summary.startswith("Changed:")
    assert Organisation.objects.filter(name="Law Centres").count() == 1


# --- what the model accepts --------------------------------------------------------------

@pytest.mark.django_db
@pytest.mark.parametrize(("fields", "wrong_field"), [
    ({"helps_with": ["no-such-topic"]}, "helps_with"),
    ({"phone": "call 0800"}, "phone"),
    ({"phone_checked": True}, "phone_checked"),
    ({"hours": "weekly"}, "open_days"),
    ({"hours": "weekly", "open_days": [0], "opens": dt.time(17), "closes": dt.time(9)}, "closes"),
    ({"source": ""}, "source"),
])
def test_an_organisation_with_wrong_details_is_refused(fields, wrong_field):
    with pytest.raises(ValidationError) as refused:
        organisation(**fields)
    assert wrong_field in refused.value.message_dict


# --- what readers see -------------------------------------------------------------------

def test_the_page_lists_every_organisation_with_its_source_and_date(client, loaded):
    page = client.get("/directory/")
    assert page.status_code == 200
    text = page.content.decode()
    for entry in ENTRIES:
        assert entry["name"].replace("'", "&#x27;") in text
    assert 'href="tel:08082000247"' in text
    assert "Open 24 hours" in text
    assert "Last checked 25 November 2026" in text
    assert "Source: Family Rights Group, What help can you get under a child protection plan" in text


def test_the_advice_line_comes_first_with_whether_it_is_open_now(client, loaded):
    text = client.get("/directory/").content.decode()
    line = text.index(settings.HARBOUR_ADVICE_LINE["number"])
    assert line < text.index("National Domestic Abuse Helpline")
    assert any(status in text for status in ("Open now, until", "Closed. Opens"))
    assert text.index("In danger now? Call 999.") < line


def test_an_unchecked_number_never_reaches_the_page(client, db):
    organisation(phone=UNCHECKED, phone_checked=False)
    text = client.get("/directory/").content.decode()
    assert "Test Support Line" in text
    assert re.sub(r"\D", "", UNCHECKED) not in re.sub(r"\D", "", text)
    assert "We have not checked a number for them yet." in text


def test_open_now_is_worked_out_when_the_page_is_asked_for(db):
    organisation(hours="weekly", open_days=[0, 1, 2, 3, 4], opens=dt.time(9), closes=dt.time(17))
    thursday_morning = dt.datetime(2026, 3, 26, 10, tzinfo=LONDON)
    thursday_evening = dt.datetime(2026, 3, 26, 18, tzinfo=LONDON)
    [morning] = organisation_list(now=thursday_morning)
    [evening] = organisation_list(now=thursday_evening)
    assert (morning.status.is_open, morning.status.text) == (True, "Open now, until 5pm")
    assert (evening.status.is_open, evening.status.text) == (
        False, "Closed. Opens Friday 27 March at 9am")
    assert morning.hours == "Monday to Friday, 9am to 5pm."


def test_topics_link_to_their_advice(db, advice):
    organisation(helps_with=["housing-and-refuge"])
    [listing] = organisation_list(now=dt.datetime(2026, 3, 26, 10, tzinfo=LONDON))
    assert listing.helps_with[0].url == "/advice/cp-plan-help/#housing-and-refuge"


def test_an_editors_change_shows_at_once(client, db):
    made = organisation()
    assert "Call for support." in client.get("/directory/").content.decode()
    made.summary = "Changed just now."
    made.save()
    assert "Changed just now." in client.get("/directory/").content.decode()


def test_the_footer_links_to_the_directory(client, db):
    assert 'href="/directory/"' in client.get("/privacy/").content.decode()


# --- the admin ---------------------------------------------------------------------------

def test_the_admin_lists_organisations_and_flags_numbers_to_check(client, loaded, django_user_model):
    organisation(phone=UNCHECKED, phone_checked=False)
    client.force_login(django_user_model.objects.create_superuser("ed", password="a-long-password-123"))
    page = client.get(reverse("wagtailsnippets_directory_organisation:list"))
    assert page.status_code == 200
    text = page.content.decode()
    assert "Women&#x27;s Aid" in text
    assert "Needs checking: not shown" in text
    found = client.get(reverse("wagtailsnippets_directory_organisation:list"), {"q": "Respect"})
    assert "Respect" in found.content.decode()
    assert "Women&#x27;s Aid" not in found.content.decode()


def test_editors_can_add_an_organisation(client, db, django_user_model):
    editor = django_user_model.objects.create_user("editor", password="a-long-password-123")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    assert client.get(reverse("wagtailsnippets_directory_organisation:list")).status_code == 200
    response = client.post(reverse("wagtailsnippets_directory_organisation:add"), {
        "name": "Added by an editor", "summary": "Call them.", "helps_with": ["housing-and-refuge"],
        "phone": UNCHECKED, "hours": "weekly", "open_days": ["0", "1"], "opens": "09:00",
        "closes": "17:00", "source": "Their own website", "last_checked": "2026-11-25",
        "order": "100"})
    assert response.status_code == 302, response.content.decode()[:2000]
    added = Organisation.objects.get(name="Added by an editor")
    assert (added.open_days, added.phone_checked) == ([0, 1], False)
