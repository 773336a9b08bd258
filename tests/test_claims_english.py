"""English paragraphs (written for these tests) give sensible claims from the English table."""

import pytest

import klaim
from klaim.schema import Claim, ClaimType, Modality, SpeakerKind

TEXT = """WASHINGTON - A Russian drone strike hit an apartment block in Kharkiv on Thursday night, killed four people and cut power to 40,000 homes, Ukrainian officials said.
"We will not abandon Ukraine," Secretary of State Antony Blinken told reporters in Brussels. "Allies understand the urgency."
According to a NATO official who spoke on condition of anonymity, Russia is likely recruiting about 30,000 soldiers a month.
It is unclear whether the alliance will approve the $100 billion fund proposed by Jens Stoltenberg.
NATO was founded in 1949 with 12 members, and it now has 32 members.
Blinken said the United States would send more Patriot missiles if Congress approved the aid package.
The two newest members, Finland and Sweden, joined after Russia invaded Ukraine."""


@pytest.fixture(scope="module")
def claims():
    return klaim.extract(TEXT, "en", "2024-04-04", "en-sample")


def _find(claims, fragment):
    hits = [c for c in claims if fragment in c.surface]
    assert hits, f"no claim contains {fragment!r}"
    return min(hits, key=lambda c: c.end - c.start)


def test_all_validate(claims):
    assert len(claims) >= 10
    for c in claims:
        Claim.model_validate(c.model_dump(), context={"text": TEXT})
        assert c.lang == "en"


def test_coordinated_predicates_restate_the_subject(claims):
    power = _find(claims, "40,000 homes")
    # the guideline's span of a split conjunct runs from where the shared subject starts
    assert power.surface.startswith("A Russian drone strike hit") and power.surface.endswith("cut power to 40,000 homes")
    assert power.text == "A Russian drone strike cut power to 40,000 homes."
    assert power.speaker.kind == SpeakerKind.group and power.claim_type == ClaimType.numerical
    killed = _find(claims, "killed four people")
    assert killed.text.startswith("A Russian drone strike killed")
    hit = _find(claims, "apartment block")
    assert not hit.surface.startswith("WASHINGTON")


def test_quotes_with_named_speaker_and_continuation(claims):
    q = _find(claims, "We will not abandon Ukraine")
    assert "unit.quote" in q.rules and q.speaker.name == "Antony Blinken"
    assert q.claim_type == ClaimType.position  # a pledge in his own words, typed by what it says
    assert q.speaker.role == "Secretary of State" and q.speaker.cue == "told"
    cont = _find(claims, "Allies understand the urgency")
    assert cont.speaker.name == "Antony Blinken"


def test_according_to_an_anonymous_official_is_hedged(claims):
    c = _find(claims, "30,000 soldiers")
    assert c.speaker.kind == SpeakerKind.anonymous
    assert c.modality == Modality.hedged and c.claim_type == ClaimType.numerical


def test_uncertain_and_background(claims):
    assert _find(claims, "It is unclear").modality == Modality.uncertain
    founded = _find(claims, "founded in 1949")
    assert founded.claim_type == ClaimType.background
    now = _find(claims, "32 members")
    assert now.surface == "it now has 32 members"


def test_reported_conditional_prediction(claims):
    c = _find(claims, "Patriot missiles")
    assert c.speaker.name == "Antony Blinken"  # surname resolved to the full name
    assert c.modality == Modality.conditional and c.claim_type == ClaimType.prediction
    assert not c.surface.startswith("Blinken said")


def test_apposition(claims):
    texts = {c.text for c in claims}
    assert "Finland and Sweden are the two newest members." in texts
    assert "Finland and Sweden joined after Russia invaded Ukraine." in texts


def test_trailing_speaker_after_content():
    text = "The central bank raised its key rate to 6 percent, the governor said."
    [c] = klaim.extract(text, "en")
    assert c.surface == "The central bank raised its key rate to 6 percent"
    assert c.speaker.kind == SpeakerKind.person and c.speaker.role == "governor"


def test_month_may_is_not_a_hedge():
    [c] = klaim.extract("The ministry opened the new bridge in May.", "en", "2024-06-01")
    assert c.modality == Modality.asserted


WIRE = """BRUSSELS (Reuters) - NATO allies agreed on Thursday to look for more air defence systems for Ukraine, Secretary General Jens Stoltenberg said.
U.S. Secretary of State Antony Blinken said on Thursday that more support for Ukraine was vital.
A senior NATO official, who spoke on condition of anonymity, told Reuters that Russia could recruit 30,000 troops a month.
The alliance, which was founded in 1949 with 12 members, now has 32 members.
If Congress fails to pass the package, Ukraine will run short of ammunition, officials warned."""


@pytest.fixture(scope="module")
def wire():
    return klaim.extract(WIRE, "en", "2024-04-04", "wire")


def test_wire_style_attributions(wire):
    agreed = _find(wire, "allies agreed")
    assert agreed.speaker.name == "Jens Stoltenberg" and agreed.speaker.role == "Secretary General"
    assert not agreed.surface.startswith("BRUSSELS")
    vital = _find(wire, "was vital")
    assert vital.surface == "more support for Ukraine was vital" and vital.speaker.name == "Antony Blinken"
    recruits = _find(wire, "30,000 troops")
    assert recruits.speaker.kind == SpeakerKind.anonymous and recruits.modality == Modality.hedged
    assert recruits.surface == "Russia could recruit 30,000 troops a month"
    ammo = _find(wire, "run short of ammunition")
    assert ammo.speaker.kind == SpeakerKind.group and ammo.modality == Modality.conditional


def test_relative_clause_inserted_mid_sentence(wire):
    texts = {c.text: c for c in wire}
    main = texts["The alliance now has 32 members."]
    assert main.claim_type == ClaimType.numerical  # the founding date belongs to the other claim
    assert texts["The alliance was founded in 1949 with 12 members."].claim_type == ClaimType.background


def test_a_no_break_space_after_a_full_stop_ends_the_sentence():
    from klaim.extraction.text import sentences

    text = "The DNC needs to rebuild after her tenure.\u00a0Current officials said the party has become a shell."
    assert [text[s:e] for s, e in sentences(text, "en")] == [
        "The DNC needs to rebuild after her tenure.", "Current officials said the party has become a shell."]
    claims = klaim.extract(text, "en")
    assert all("tenure" not in c.surface or "Current" not in c.surface for c in claims)


@pytest.mark.parametrize("text", [
    "The senator visited four states, including Ohio and Florida, during the recess.",
    "The park offers activities such as hiking, fishing, swimming and climbing.",
    "Sanders sent a text message to his supporters, asking them not to stage protests inside the hall.",
])
def test_no_participle_clause(text):
    # a preposition in the participle form, a list of gerunds, a speech act: no participle claim
    rules = {r for c in klaim.extract(text, "en") for r in c.rules}
    assert not rules & {"decompose.participle", "decompose.before-participle"}, rules


def test_participle_clause_is_found_here():
    # the counterpart of test_no_participle_clause: the rule fires on a real participle clause
    claims = klaim.extract("The emails led the chairwoman to resign, casting a dark cloud over the convention.", "en")
    assert any("decompose.participle" in c.rules and c.surface == "casting a dark cloud over the convention"
               for c in claims)


@pytest.mark.parametrize("text", [
    "Essentially, the cavitation of the particle creates voids in the matrix.",  # capitalised as first word only
    "After treatment with 1 M NaOH, the surface mainly consists of iron oxide.",  # a name in a fronted phrase
    "In Iowa, the candidate leads polls among farmers.",
    "The delegates met Clinton, the DNC and Wasserman Schultz for talks.",  # names in a list
    "The mixture was kept at TRA-1–60, 25 degrees.",  # a number after a dash is no age
])
def test_no_name_appositive(text):
    rules = {r for c in klaim.extract(text, "en") for r in c.rules}
    assert "decompose.name-appositive" not in rules, rules


def test_name_appositive_is_found_here():
    # the counterpart of test_no_name_appositive
    claims = klaim.extract("Voters met Jill Stein in May. Stein, a physician from Massachusetts, spoke first.", "en")
    app = [c for c in claims if "decompose.name-appositive" in c.rules]
    assert [c.surface for c in app] == ["Stein, a physician from Massachusetts"]
    # who someone is is a standing fact: background, as an apposition is; the family name alone is
    # restated in full (standalone.full-name)
    assert app[0].claim_type == ClaimType.background and app[0].text == "Jill Stein is a physician from Massachusetts."
