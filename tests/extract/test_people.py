"""Speakers read inside their article (extract/people.py), quotations that run over paragraphs, and
the draft registry that makes one speaker one entity across articles, whichever comes first."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
import yaml

from factcheck.extract.article import read_article
from factcheck.extract.claims import SourceOptions
from factcheck.extract.command import ExtractRequest, extract_command
from factcheck.extract.entities import DraftEntities
from factcheck.extract.people import Speaker, name_part, role_holder, speaker_in_article
from factcheck.extract.quotes import find_quotes
from factcheck.registry.entities import Entity, EntityRegistry

ARTICLE = (
    "Prime Minister Boris Johnson survived the vote. Sir Graham Brady, the chairman of the 1922 Committee, "
    "read the result. U.S. Ambassador Linda Thomas-Greenfield was in London. Ukrainian President Zelensky "
    "sent a message."
)


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("the prime minister", Speaker("Boris Johnson", ("the prime minister",))),  # a title before the name
        ("the chairman of 1922 Committee", Speaker("Graham Brady", ("the chairman of 1922 Committee",))),  # apposition
        ("Johnson", Speaker("Boris Johnson", ("Johnson",))),  # the article's one full name with it
        ("U.S. envoy Thomas-Greenfield", Speaker("Linda Thomas-Greenfield", ("U.S. envoy Thomas-Greenfield", "Thomas-Greenfield"))),
        ("Ukrainian President Zelensky", Speaker("Zelensky", ("Ukrainian President Zelensky",))),  # no full name given
        ("Boris Johnson", Speaker("Boris Johnson")),
        ("the foreign secretary", Speaker("the foreign secretary")),  # a role nobody holds in the article
        ("Qatar", Speaker("Qatar")),
    ],
)
def test_a_speaker_is_the_fullest_name_its_article_gives(phrase: str, expected: Speaker) -> None:
    assert speaker_in_article(ARTICLE, phrase) == expected


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        # the article names him by surname as well: the bare surname is not a second full name
        ("Boris Johnson survived the vote. Johnson said it was decisive.", "Johnson", Speaker("Boris Johnson", ("Johnson",))),
        # a surname is the last of three names, not the second
        ("Turkish President Recep Tayyip Erdogan visited Kahramanmaras.", "Erdogan", Speaker("Recep Tayyip Erdogan", ("Erdogan",))),
        # a name wrapped or double-spaced in the article is one name, written with one space
        ("Boris  Johnson survived the vote.", "Johnson", Speaker("Boris Johnson", ("Johnson",))),
        ("Sir Graham Brady read the result. Graham\nBrady said it was clear.", "Brady", Speaker("Graham Brady", ("Brady",))),
        # the role before the name: in apposition, or lower case with no comma
        ("The chairman of the 1922 Committee, Sir Graham Brady, read the result.", "the chairman of 1922 Committee",
         Speaker("Graham Brady", ("the chairman of 1922 Committee",))),
        ("U.S. envoy Linda Thomas-Greenfield told the council the vote was clear.", "the envoy",
         Speaker("Linda Thomas-Greenfield", ("the envoy",))),
        # the institution is not the person who speaks for it
        ("Maria Zakharova, the Foreign Ministry spokeswoman, spoke on Monday.", "the Foreign Ministry",
         Speaker("the Foreign Ministry")),
        # the role's holder is the full name, not the surname the article later gives the title
        ("Prime Minister Boris Johnson won the vote. Afterwards, Prime Minister Johnson thanked colleagues.", "the prime minister",
         Speaker("Boris Johnson", ("the prime minister",))),
    ],
)
def test_a_speaker_where_the_article_varies_the_name(text: str, phrase: str, expected: Speaker) -> None:
    """Articles that name one person several ways, or spell a name loosely, still give one full name."""
    assert speaker_in_article(text, phrase) == expected


def test_two_full_names_with_one_surname_leave_the_surname() -> None:
    text = "Boris Johnson spoke. His brother Jo Johnson did not."
    assert speaker_in_article(text, "Johnson") == Speaker("Johnson")


def test_a_role_two_people_hold_is_left_a_role() -> None:
    text = "Prime Minister Boris Johnson met Prime Minister Justin Trudeau."
    assert role_holder(text, "the prime minister") is None


@pytest.mark.parametrize(
    ("phrase", "name"),
    [("Sir Graham Brady", "Graham Brady"), ("Mayor Abdulmenam", "Abdulmenam"), ("Yesterday Boris Johnson", "Boris Johnson"),
     ("the source", None), ("the chairman of 1922 Committee", None),
     # roles that are capitalized words but not titles in TITLE: still cut off
     ("FBI Director Christopher Wray", "Christopher Wray"), ("Chinese Foreign Ministry Spokesman Wang Wenbin", "Wang Wenbin"),
     ("BBC Verify", "BBC Verify"),  # what stands before the name is no title: the phrase stays whole
     ("Boris  Johnson", "Boris Johnson")],
)
def test_name_part(phrase: str, name: str | None) -> None:
    assert name_part(phrase) == name


def test_a_quotation_over_paragraphs_keeps_its_speaker() -> None:
    text = (
        "Announcing the results, Sir Graham Brady said: \u201cGood evening.\n\n"
        "\u201cI can report that 359 ballots were cast.\n\n"
        "\u201cAnd therefore, the party does have confidence in Boris Johnson.\u201d\n\n"
        "\u201cIt is over,\u201d one MP said.\n"
    )
    quotes = find_quotes(read_article(text, "x.txt"), None)
    assert [(q.text.split()[0], q.speaker) for q in quotes] == [
        ("Good", "Graham Brady"), ("I", "Graham Brady"), ("And", "Graham Brady"), ("It", "one MP"),
    ]


def test_a_draft_speaker_keeps_the_forms_it_was_seen_in() -> None:
    drafts = DraftEntities(None)
    assert drafts.name_for("Boris Johnson", aliases=("the prime minister",)) == "Boris Johnson"
    (entry,) = drafts.entries()
    assert entry["type"] == "person" and entry["aliases"] == ["the prime minister", "Johnson"]


def test_a_form_another_article_drafted_decides_the_name() -> None:
    earlier = EntityRegistry([Entity("zelensky", "Zelensky", "thing", ())])
    drafts = DraftEntities(earlier)
    assert drafts.name_for("Volodymyr Zelensky") == "Zelensky"  # its surname is that draft
    curated = EntityRegistry([Entity("lyndon-johnson", "Lyndon Johnson", "person", ("Johnson",))])
    drafts = DraftEntities(curated)
    assert drafts.name_for("Boris Johnson") == "Boris Johnson"  # a curated person's alias is no surname match
    assert "aliases" not in drafts.entries()[0]  # and "Johnson" stays that person's


@pytest.mark.parametrize("order", [("full.txt", "short.txt"), ("short.txt", "full.txt"), ("both",)])
def test_one_speaker_is_one_entity_whichever_article_is_extracted_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, order: tuple[str, ...]
) -> None:
    """One article at a time in either order (each run sees the drafts before it), or both in one run."""
    articles = {
        "full.txt": "Volodymyr Zelensky spoke.\n\n\u201cThe world had its say,\u201d Zelensky said.\n",
        "short.txt": "The vote was held.\n\n\u201cThe world has spoken,\u201d Ukrainian President Zelensky said.\n",
    }
    (tmp_path / "claims").mkdir()
    for name, text in articles.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "factcheck.toml").write_text("", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    runs = [[tmp_path / "full.txt", tmp_path / "short.txt"]] if order == ("both",) else [[tmp_path / n] for n in order]
    for paths in runs:
        options = _options(paths[0].name) if len(paths) == 1 else SourceOptions(outlet="Wire", published=dt.date(2022, 10, 12))
        request = ExtractRequest(articles=paths, output=tmp_path / "claims", source=options, output_is_dir=True)
        assert extract_command(request, err=io.StringIO()) == 0
    registry_entries = yaml.safe_load((tmp_path / "claims" / "entities.draft.yaml").read_text())["entities"]
    people = [e for e in registry_entries if "Zelensky" in e["name"]]
    registry = EntityRegistry([Entity(e["id"], e["name"], e["type"], tuple(e.get("aliases", []))) for e in registry_entries])
    files = [f for f in (tmp_path / "claims").glob("*.yaml") if f.name != "entities.draft.yaml"]
    said_by = [c["said_by"] for f in files for c in yaml.safe_load(f.read_text())["claims"] if c.get("said_by")]
    assert len(said_by) == 2
    assert len(people) == 1 and len({registry.exact(name).id for name in said_by}) == 1  # type: ignore[union-attr]


def _options(name: str) -> SourceOptions:
    return SourceOptions(outlet=name.split(".")[0], published=dt.date(2022, 10, 12), source_id=name.split(".")[0])


def test_the_resolution_as_a_speaker_is_the_articles_own_resolution() -> None:
    from factcheck.extract.claims import UNNAMED_RESOLUTION, draft_claims
    from factcheck.ruleset import default_rules_dir, load_ruleset

    text = "The assembly adopted a resolution.\n\nThe resolution said Russia must \u201cimmediately withdraw\u201d its forces.\n"
    options = SourceOptions(outlet="Wire", published=dt.date(2022, 10, 12), source_id="wire")
    draft = draft_claims(read_article(text, "x.txt"), options, None, load_ruleset([default_rules_dir()], []))
    (quote,) = [c for c in draft.claims if c["predicate"] == "quote"]
    assert quote["said_by"] == UNNAMED_RESOLUTION
    assert all(e["name"] != "The resolution" for e in draft.entities)
