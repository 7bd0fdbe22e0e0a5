"""The gazetteer runs on spacy.blank("en"): no trained model needed."""

import pytest
import spacy

from claims.gazetteer import SPANS_KEY, add_gazetteer


@pytest.fixture(scope="module")
def blank(kb):
    nlp = spacy.blank("en")
    add_gazetteer(nlp, kb)
    return nlp


def _ids(nlp, text):
    doc = nlp(text)
    return [(span.text, span.id_) for span in doc.spans[SPANS_KEY]]


@pytest.mark.parametrize(
    "text, name, entity_id",
    [
        ("Azerbaijan is in NATO", "Azerbaijan", "AZE"),
        ("AZERBAIJAN IS IN NATO", "AZERBAIJAN", "AZE"),
        ("azerbaijan is in nato", "nato", "nato"),
        ("Nato expanded", "Nato", "nato"),
        ("Türkiye joined", "Türkiye", "TUR"),
        ("Turkiye joined", "Turkiye", "TUR"),
        ("Turkey joined", "Turkey", "TUR"),
        ("the U.S. and Japan", "U.S.", "USA"),
        ("the US and Japan", "US", "USA"),
        ("America and Japan", "America", "USA"),
        ("Britain left the EU", "Britain", "GBR"),
        ("the UK left the EU", "the UK", "GBR"),
        ("Holland is in NATO", "Holland", "NLD"),
        ("Burma is not", "Burma", "MMR"),
        ("Swaziland is not", "Swaziland", "SWZ"),
        ("Macedonia joined", "Macedonia", "MKD"),
        ("North Macedonia joined", "North Macedonia", "MKD"),
        ("the DPRK and Russia", "DPRK", "PRK"),
        ("South Korea and the US", "South Korea", "KOR"),
        ("Kosovo is not", "Kosovo", "XKX"),
        ("the Partnership for Peace", "Partnership for Peace", "pfp"),
        ("a major non-NATO ally", "major non-NATO ally", "mnna"),
        ("the Shusha Declaration", "Shusha Declaration", "shusha-declaration-2021"),
        ("Baku says", "Baku", "AZE"),
        ("Russia and Belarus", "Russia", "RUS"),
        ("the Russian Federation", "Russian Federation", "RUS"),
        ("Czechia and Slovakia", "Czechia", "CZE"),
        ("Czech Republic troops", "Czech Republic", "CZE"),
        ("Ivory Coast troops", "Ivory Coast", "CIV"),
        ("East Timor joined ASEAN", "East Timor", "TLS"),
        ("Holy See diplomats", "Holy See", "VAT"),
        ("Taiwan and the US", "Taiwan", "TWN"),
        ("State of Palestine officials", "State of Palestine", "PSE"),
        ("the Azerbaijani government", "Azerbaijani", "AZE"),
        ("the Turkish army", "Turkish", "TUR"),
        ("Kosovar officials", "Kosovar", "XKX"),
    ],
)
def test_gazetteer__alias_to_id(blank, text, name, entity_id):
    assert (name, entity_id) in _ids(blank, text)


@pytest.mark.parametrize(
    "text",
    [
        "We had turkey for dinner",
        "the fine china in the cabinet",
        "let us know",
        "chad from accounting",
        "a jordan in the river",
        "the cis population",
        "he bought a quad bike",  # lower-case "quad" only as an organisation name
    ],
)
def test_gazetteer__ordinary_words_are_not_states(blank, text):
    assert [i for _, i in _ids(blank, text) if i.isupper() or i in ("cis",)] == []


def test_gazetteer__longest_name_wins(blank):
    assert _ids(blank, "Israel is a major non-NATO ally") == [("Israel", "ISR"), ("major non-NATO ally", "mnna")]
