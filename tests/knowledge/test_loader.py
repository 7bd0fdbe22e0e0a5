import datetime as dt
import shutil
from pathlib import Path

import pytest

from knowledge.errors import DataFileError
from knowledge.loader import DATA_DIR, load
from knowledge.models import Relation, Status


@pytest.mark.parametrize(
    "day, count",
    [("2022-01-01", 30), ("2023-06-01", 31), ("2024-06-01", 32), ("1949-12-31", 12), ("1999-04-01", 19)],
)
def test_members__nato_on_a_date(kb, day, count):
    assert len(kb.members("nato", dt.date.fromisoformat(day))) == count


def test_members__eu_has_27_and_not_the_uk(kb):
    members = kb.members("eu", kb.as_of)
    assert len(members) == 27
    assert "GBR" not in members
    assert "GBR" in kb.members("eu", dt.date(2019, 1, 1))


def test_referential_integrity__every_fact_points_at_known_entities(kb):
    for fact in kb.facts:
        assert fact.subject in kb.states, fact.id
        target = kb.states if fact.relation.symmetric else kb.organisations
        assert fact.object in target, fact.id


def test_every_fact__has_a_source_and_a_verified_date(kb):
    for fact in kb.facts:
        assert fact.sources, fact.id
        assert all(s.url.startswith(("http://", "https://")) for s in fact.sources), fact.id
        assert fact.verified <= kb.as_of, fact.id
        assert fact.review_by > fact.verified, fact.id


def test_facts__ended_ones_carry_an_end_or_a_reason(kb):
    for fact in kb.facts:
        if fact.status is Status.ENDED:
            assert fact.end or fact.comment, fact.id


def test_fact_ids__are_unique(kb):
    ids = [f.id for f in kb.facts]
    assert len(ids) == len(set(ids))


def test_version__is_a_content_hash_that_is_stable(kb):
    assert load().version == kb.version


def test_shusha_declaration__is_a_pact_between_turkey_and_azerbaijan(kb):
    facts = kb.facts_between("AZE", Relation.DEFENSE_PACT, "TUR")
    assert any(f.via == "shusha-declaration-2021" for f in facts)


# --- validation errors name the file and the entry --------------------------------------------


@pytest.fixture
def data_copy(tmp_path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + "\n" + text, encoding="utf-8")


@pytest.mark.parametrize(
    "fact, message",
    [
        ('subject = "XYZ"\nstart = "2001"\nsources = ["nato-int"]', "unknown state id 'XYZ'"),
        ('subject = "BEL"\nstart = "1949"\nsources = ["nato-int"]', "duplicate fact id"),
        ('subject = "AUT"\nstart = "2001"', r"nato.toml, fact #\d+ \(AUT\): needs sources"),
        (
            'subject = "AUT"\nstart = "2001"\nend = "1999"\nstatus = "ended"\nsources = ["nato-int"]',
            "end 1999 is before start 2001",
        ),
        ('subject = "AUT"\nstart = "2023-02-30"\nsources = ["nato-int"]', "AUT"),
        ('subject = "AUT"\nsources = ["nowhere"]', r"unknown source keys \['nowhere'\]"),
        ('subject = "AUT"\nstatus = "ended"\nsources = ["nato-int"]', "needs an end date"),
    ],
)
def test_load__bad_fact_is_an_error_naming_file_and_entry(data_copy, fact, message):
    _append(data_copy / "organisations" / "nato.toml", f"[[facts]]\n{fact}\n")
    with pytest.raises(DataFileError, match=message):
        load(data_copy)


def test_load__broken_toml_names_the_file(data_copy):
    _append(data_copy / "organisations" / "eu.toml", "[[facts]\n")
    with pytest.raises(DataFileError, match="eu.toml: not valid TOML"):
        load(data_copy)


def test_states__the_193_un_members_and_four_more(kb):
    members = [s for s in kb.states.values() if s.status == "UN member"]
    assert len(members) == 193
    assert {"XKX", "TWN", "PSE", "VAT"} <= set(kb.states)
    assert kb.states["FIN"].un_member_since == 1955
    # territories are not states: Puerto Rico and Greenland are not in the list
    assert "PRI" not in kb.states and "GRL" not in kb.states


def test_states__a_name_two_states_share_names_neither(kb):
    """'Congo' and 'Congolese' could be either Congo: the reference list drops both."""
    names = [n.lower() for s in kb.states.values() for n in (*s.aliases, *s.demonyms)]
    assert "congo" not in names and "congolese" not in names
