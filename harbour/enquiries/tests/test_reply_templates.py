"""The reply templates' structure: every topic exists, and every template has its links."""

from harbour.content.topics import taxonomy
from harbour.enquiries.reply_templates import advice_link, reply_template_text, reply_templates


def test_every_template_names_topics_that_exist_and_are_live():
    topics = {t.id: t for t in taxonomy().topics}
    for template in reply_templates():
        assert template.topics, template.id
        for topic_id in template.topics:
            assert topic_id in topics and not topics[topic_id].retired, (template.id, topic_id)


def test_template_ids_are_unique_and_every_body_has_a_place_for_the_links():
    ids = [t.id for t in reply_templates()]
    assert len(ids) == len(set(ids))
    assert all("{links}" in t.body for t in reply_templates())


def test_a_template_links_to_each_passage_by_its_group_and_anchor(settings):
    settings.HARBOUR_SITE_URL = "https://harbour.example.org/"
    assert advice_link("dvpo") == "https://harbour.example.org/advice/court-protection/#dvpo"
    text = reply_template_text(next(t for t in reply_templates() if t.id == "pregnancy"))
    assert "https://harbour.example.org/advice/pregnancy/#pre-birth-assessment" in text
    assert "{links}" not in text
