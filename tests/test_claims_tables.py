"""The claims tables' schema: every shipped table passes; each kind of mistake is an error with
the file and the line."""

import pytest

from klaim.errors import InputError
from klaim.extraction.claims._table import check_claims_table
from klaim.extraction.lang import available, table_source

BASE = "copulas: [adalah]\nrelative_pronouns: [yang]\n"


@pytest.mark.parametrize("lang", available("claims"))
def test_shipped_tables_pass(lang):
    table = check_claims_table(*table_source(lang, "claims"))
    assert table.copulas and table.relative_pronouns


@pytest.mark.parametrize(("yaml_text", "where", "message"), [
    (BASE + "post_cuse: [kata]\n", "t.yaml:3", "unknown key 'post_cuse'"),
    (BASE + "post_cues: [kata,\n  kata dia]\n", "t.yaml:4", "post_cues.1: Value error, 'kata dia' is not one word"),
    (BASE + "negated: [not, no]\n", "t.yaml:3", "negated.1: Input should be a valid string"),
    (BASE + "boilerplate: ['(baca juga']\n", "t.yaml:3", "is not a regular expression"),
    (BASE + "gazetteer:\n  NATO: [organization, NATO]\n", "t.yaml:4", "gazetteer.NATO.0"),
    (BASE + "min_claim_tokens: zero\n", "t.yaml:3", "min_claim_tokens"),
    ("copulas: [adalah]\n", "t.yaml", "relative_pronouns: Field required"),
    (BASE + "verbs: [a, \"\", b]\n", "t.yaml:3", "verbs.1"),
])
def test_each_mistake_names_file_line_and_key(yaml_text, where, message):
    with pytest.raises(InputError) as info:
        check_claims_table(yaml_text, "t.yaml")
    assert str(info.value).startswith(where + ":"), str(info.value)
    assert message in str(info.value)


def test_not_yaml_or_not_a_mapping_is_one_clear_error():
    with pytest.raises(InputError, match=r"^t.yaml:3: not valid YAML: .*expected (the )?node content") as info:
        check_claims_table(BASE + "verbs: [a, , b]\n", "t.yaml")
    assert "\n" not in str(info.value)
    with pytest.raises(InputError, match="mapping of keys"):
        check_claims_table("- a\n- b\n", "t.yaml")


def test_numbers_in_word_lists_are_words():
    table = check_claims_table(BASE + "abbreviations: [no., 1]\n", "t.yaml")
    assert table.abbreviations == ["no.", "1"]
