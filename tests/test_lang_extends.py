"""A language table that extends a neighbour's (Malay over Indonesian): how the two are laid
together, the mistakes that are errors, and how the identifier chooses between the two."""

import pytest

import klaim
from klaim.errors import InputError
from klaim.extraction.claims._table import check_claims_table, claims_table
from klaim.extraction.lang import available, extends, load_table, overlay, resolve_extends, without
from klaim.extraction.langid import detect, disagreement, unsupported_language

# Written for these tests in the style of a Malaysian wire report.
MALAY = (
    "KUALA LUMPUR, 3 April -- Kerajaan memperuntukkan RM5 bilion untuk membina 30,000 unit rumah "
    "mampu milik tahun ini, kata Menteri Kewangan II Datuk Seri Amir Hamzah Azizan. Beliau berkata "
    "kadar pengangguran menurun kepada 3.3 peratus pada Februari berbanding 3.5 peratus setahun lalu, "
    "manakala harga minyak sawit mentah naik kepada RM4,200 setan."
)


def test_overlay_merges_mappings_appends_to_lists_and_replaces_the_rest():
    base = {"words": ["a", "b"], "map": {"x": 1, "y": 2}, "limit": 3}
    own = {"words": ["b", "c"], "map": {"y": 5, "z": 6}, "limit": 4, "new": [1]}
    assert overlay(base, own) == {"words": ["a", "b", "c"], "map": {"x": 1, "y": 5, "z": 6},
                                  "limit": 4, "new": [1]}
    assert base == {"words": ["a", "b"], "map": {"x": 1, "y": 2}, "limit": 3}  # not changed in place


def test_without_drops_entries_of_lists_and_mappings():
    table = {"words": ["a", "b", "c"], "map": {"x": 1, "y": 2}}
    assert without(table, {"words": ["b"], "map": ["x"]}, "t.yaml") == {"words": ["a", "c"], "map": {"y": 2}}


@pytest.mark.parametrize(("table", "message"), [
    ({"extends": ["id", "en"]}, "names one language"),
    ({"extends": "zz"}, "no claims table for language 'zz'"),
    ({"extends": "id", "without": {"conditional": ["kalaupun-tidak"]}}, "has no ['kalaupun-tidak']"),
    ({"extends": "id", "without": ["conditional"]}, "maps keys to the entries to drop"),
])
def test_each_mistake_in_extends_is_an_error_naming_the_file(table, message):
    with pytest.raises(InputError) as info:
        resolve_extends(table, "claims", "t.yaml", ("xx",))
    assert str(info.value).startswith("t.yaml: "), str(info.value)
    assert message in str(info.value)


def test_a_loop_of_extends_is_an_error_not_a_recursion():
    # Indonesian extending Malay would close a loop, as Malay extends Indonesian.
    with pytest.raises(InputError, match=r"makes a loop \(id -> ms -> id\)"):
        resolve_extends({"extends": "ms"}, "claims", "lang/id.claims.yaml", ("id",))


def test_a_misspelt_key_in_an_extending_table_is_still_an_error():
    with pytest.raises(InputError, match=r"^t\.yaml:2: unknown key 'pre_cuse'"):
        check_claims_table("extends: id\npre_cuse: [berkata]\n", "t.yaml")


@pytest.mark.parametrize("concept", ["claims", "figures", "boilerplate", "worthiness"])
def test_malay_has_every_table_and_extends_indonesian(concept):
    assert "ms" in available(concept)
    assert extends("ms", concept) == "id"


def test_malay_keeps_indonesian_words_adds_its_own_and_drops_what_it_does_not_share():
    malay, indonesian = claims_table("ms"), claims_table("id")
    assert set(indonesian.post_cues) <= set(malay.post_cues)
    assert "bahawa" in malay.complementisers and "bahawa" not in indonesian.complementisers
    assert "manakala" in indonesian.conditional and "manakala" not in malay.conditional
    assert load_table("ms", "figures")["digits"] == {"decimal": ".", "group": ","}
    assert load_table("ms", "figures")["number_words"] == load_table("id", "figures")["number_words"]


def test_a_malay_article_reads_as_malay_and_gets_malay_figures():
    assert detect(MALAY)[0] == "ms"
    assert unsupported_language(MALAY) is None
    values = {f.surface: (f.value, f.currency) for f in klaim.find_figures(MALAY, "ms")}
    assert values["RM5 bilion"] == (5e9, "MYR")
    assert values["RM4,200"] == (4200, "MYR")
    assert values["3.3 peratus"][0] == 3.3


def test_a_short_sentence_is_read_as_the_neighbour_unless_the_identifier_is_sure():
    # Indonesian, yet ranked Malay first at about 0.91: too close to call in one sentence.
    sentence = "Kota itu dihuni 350.000 penduduk dan kerajaan berkata."
    assert detect(sentence)[0] == "id"


def test_stating_one_neighbour_for_the_other_is_no_disagreement():
    assert disagreement("id", MALAY) is None
    assert disagreement("en", MALAY) is not None
