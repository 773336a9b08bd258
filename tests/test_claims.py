"""The claim extractor on the seed article: gold agreement, mission claims, invariants, snapshot."""

import json
from datetime import date
from pathlib import Path

import pytest

import klaim
from klaim.errors import InputError
from klaim.evaluation.claims import evaluate_claims, read_gold
from klaim.extraction.claims import EXTRACTOR, EXTRACTOR_VERSION
from klaim.schema import Claim, ClaimType, Modality, SpeakerKind

ROOT = Path(__file__).parents[1]
SEED = ROOT / "seeds" / "000_4081d66b315ef270.txt"
GOLD = Path(__file__).parent / "data" / "claims" / "seed_gold.jsonl"
SEED_ID = "000_4081d66b315ef270"


@pytest.fixture(scope="module")
def text():
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def claims(text):
    return klaim.extract(text, "id", date(2024, 4, 4), SEED_ID)


def _find(claims, fragment):
    hits = [c for c in claims if fragment in c.surface]
    assert hits, f"no claim contains {fragment!r}"
    return min(hits, key=lambda c: c.end - c.start)


def test_every_claim_validates_against_the_text(claims, text):
    assert claims
    for c in claims:
        Claim.model_validate(c.model_dump(), context={"text": text})
        assert c.extractor == EXTRACTOR and c.extractor_version == EXTRACTOR_VERSION
        assert not c.surface[0].isspace() and not c.surface[-1].isspace()


def test_sorted_unique_and_deterministic(claims, text):
    keys = [(c.start, c.end) for c in claims]
    assert keys == sorted(keys)
    assert len({c.claim_id for c in claims}) == len(claims)
    again = klaim.extract(text, "id", "2024-04-04", SEED_ID)
    assert [c.model_dump() for c in again] == [c.model_dump() for c in claims]


def test_gold_span_f1_and_speaker_accuracy(claims):
    report = evaluate_claims(GOLD, claims)
    assert report.f1 >= 0.9, report.render()
    assert report.speaker_accuracy >= 0.9, report.render()
    assert report.modality_accuracy >= 0.85, report.render()
    assert report.type_accuracy >= 0.8, report.render()


def test_evaluate_runs_extract_from_the_gold_header():
    header, gold = read_gold(GOLD)
    assert header["id"] == SEED_ID and len(gold) >= 30
    report = evaluate_claims(GOLD)
    d = report.to_dict()
    assert d["matched"] == report.matched and "span precision" in report.render()


def test_evaluation_counts_misses_and_spurious(claims):
    # half of the claims that have a gold span: every prediction is right, half the gold is missed
    gold_spans = {(g["start"], g["end"]) for g in read_gold(GOLD)[1]}
    exact = [c for c in claims if (c.start, c.end) in gold_spans]
    report = evaluate_claims(GOLD, exact[: len(exact) // 2])
    assert report.recall < 0.6 and report.precision == 1.0
    assert report.missed and not report.spurious


def test_kharkiv_power_cut_is_a_group_claim_with_its_figure(claims):
    c = _find(claims, "350.000 penduduk")
    # the guideline's span of a split conjunct runs from where the shared subject starts
    assert c.surface.startswith("serangan pesawat tak berawak Rusia menghantam")
    assert c.surface.endswith("memutus aliran listrik bagi 350.000 penduduk")
    assert c.text.startswith("Serangan pesawat tak berawak Rusia memutus")
    assert c.speaker.kind == SpeakerKind.group and c.speaker.name == "para pejabat Ukraina"
    assert c.modality == Modality.asserted and c.claim_type == ClaimType.numerical
    assert [f.value for f in c.figures if f.value is not None] == [350000]  # and the date in the span
    assert c.spans and "kata para pejabat Ukraina" in c.spans[0].surface
    assert c.time.iso.startswith("2024-04-04")  # "Kamis malam" in the sentence


def test_recruits_claim_is_hedged_and_anonymous(claims):
    c = _find(claims, "30.000 personel")
    assert c.speaker.kind == SpeakerKind.anonymous and c.speaker.organisation == "NATO"
    assert c.modality == Modality.hedged and c.claim_type == ClaimType.numerical
    assert 30000 in [f.value for f in c.figures]


def test_fund_acceptance_is_uncertain_and_proposal_asserted(claims):
    acceptance = _find(claims, "masih belum jelas")
    assert acceptance.modality == Modality.uncertain
    assert acceptance.speaker.kind == SpeakerKind.publisher
    assert 1e11 in [f.value for f in acceptance.figures]
    proposal = next(c for c in claims
                    if c.text == "Dana lima tahun sebesar 100 miliar euro diusulkan oleh Jens Stoltenberg.")
    assert proposal.modality == Modality.asserted


def test_founding_members_are_background(claims):
    c = _find(claims, "12 anggota")
    assert c.claim_type == ClaimType.background and c.speaker.kind == SpeakerKind.publisher
    assert c.surface == "NATO dimulai dengan 12 anggota dari Amerika Utara dan Eropa"


def test_75th_anniversary_claim(claims):
    c = _find(claims, "ulang tahun ke-75")
    assert c.speaker.kind == SpeakerKind.publisher
    assert any(f.surface == "ke-75" for f in c.figures)


def test_speakers_are_tied_across_the_article(claims):
    stol = [c for c in claims if c.speaker.name == "Jens Stoltenberg"]
    assert len(stol) >= 5 and {c.speaker.role for c in stol} == {"Sekretaris Jenderal NATO"}
    assert any(c.speaker.mention.surface == "Stoltenberg" for c in stol)
    blinken = [c for c in claims if c.speaker.name == "Antony Blinken"]
    assert blinken and {c.speaker.role for c in blinken} == {"Menteri Luar Negeri AS"}
    kremlin = _find(claims, "konfrontasi langsung")
    assert kremlin.speaker.kind == SpeakerKind.organisation and kremlin.speaker.name == "Kremlin"
    second = _find(claims, "kekurangan amunisi")
    assert second.speaker.kind == SpeakerKind.anonymous


def test_quotes_and_their_continuation(claims):
    q = _find(claims, "Sekutu memahami urgensinya")
    # verbatim words are typed by what they say; that they are verbatim is in the rules
    assert "unit.quote" in q.rules and q.surface == "Sekutu memahami urgensinya"
    assert q.claim_type == ClaimType.position
    cont = _find(claims, "Amerika Utara juga membutuhkan Eropa")
    assert "unit.quote" in cont.rules and cont.speaker.name == "Jens Stoltenberg"
    # an Indonesian quote sentence is split as the outlet's text is: both clauses are Kuleba's
    kuleba = _find(claims, "Saya tidak ingin merusak")
    assert kuleba.speaker.name == "Dmytro Kuleba"
    assert kuleba.surface == "Saya tidak ingin merusak pesta ulang tahun NATO"
    rest = _find(claims, "saya merasa harus menyampaikan")
    assert rest.speaker.name == "Dmytro Kuleba" and rest.surface.endswith("di negara saya")
    assert "unit.quote" in rest.rules and "decompose.quote-split" in rest.rules


def test_apposition_and_relative_clauses(claims):
    texts = {c.text for c in claims}
    assert "Finlandia dan Swedia adalah dua anggota terbaru NATO." in texts
    assert "Finlandia dan Swedia bergabung sebagai respons langsung terhadap invasi Rusia ke Ukraina." in texts
    assert "Anggota NATO mengambil keputusan berdasarkan konsensus." in texts
    assert any(t.startswith("NATO didirikan sebagai tanggapan") for t in texts)


def test_entities_and_worthiness(claims):
    c = _find(claims, "350.000 penduduk")
    fund = _find(claims, "masih belum jelas")
    party = _find(claims, "upacara dengan kue")
    assert fund.check_worthiness > party.check_worthiness
    assert "ceremony" in party.check_worthiness_reasons and "contains a figure" in c.check_worthiness_reasons
    first = _find(claims, "Menteri Luar Negeri Ukraina Dmytro Kuleba bertemu")
    labels = {(e.surface, e.label.value, e.canonical) for e in first.entities}
    assert ("Dmytro Kuleba", "person", "Dmytro Kuleba") in labels
    assert ("Ukraina", "location", "Ukraina") in labels and ("NATO", "organisation", "NATO") in labels
    for cl in claims:
        assert 0.0 <= cl.check_worthiness <= 1.0 and cl.check_worthiness_reasons is not None


def test_time_falls_back_to_publication_date(claims):
    c = _find(claims, "Hongaria telah memberi isyarat")
    assert c.time.iso == "2024-04-04" and c.time.source == "published"
    wed = _find(claims, "Pada hari Rabu")
    assert wed.time.iso == "2024-04-03" and wed.time.source == "text"


def test_article_id_defaults_to_a_text_hash(text):
    a = klaim.extract(text)
    b = klaim.extract(text)
    assert a[0].article_id == b[0].article_id and a[0].article_id.startswith("a")
    assert a[0].time is None  # no publication date, no date in the first claim
    assert klaim.extract(text + " ")[0].article_id != a[0].article_id


def test_bad_inputs():
    assert klaim.extract("   ") == []
    with pytest.raises(InputError):
        klaim.extract("Teks.", lang="xx")
    with pytest.raises(InputError):
        klaim.extract("Teks.", published="kemarin")
    with pytest.raises(InputError):
        klaim.extract(b"bytes")  # type: ignore[arg-type]


def test_no_speaker_means_publisher():
    claims = klaim.extract("Harga beras naik menjadi Rp 12.000 per kilogram di Jakarta.", "id", "2024-01-02")
    assert len(claims) == 1 and claims[0].speaker.kind == SpeakerKind.publisher


@pytest.mark.parametrize("sentence, modality", [
    ("Pemerintah akan menaikkan harga BBM pekan depan.", Modality.future),
    ("Jika hujan turun, banjir akan melanda kota itu.", Modality.conditional),
    ("Polisi belum menetapkan tersangka dalam kasus tersebut.", Modality.negated),
    ("Korban tewas diperkirakan mencapai 20 orang.", Modality.hedged),
    ("Masih belum jelas siapa yang bertanggung jawab atas serangan itu.", Modality.uncertain),
    ("Presiden meresmikan jembatan sepanjang 2 kilometer itu.", Modality.asserted),
    ("Pesawat tak berawak itu jatuh di Bandung.", Modality.asserted),
])
def test_modality_cues(sentence, modality):
    claims = klaim.extract(sentence, "id")
    # every claim of the sentence (a measured noun phrase is one of its own) has its modality
    assert claims and {c.modality for c in claims} == {modality}


def test_reported_speech_with_recipient_and_complementiser():
    text = "Kepala BPS Suhariyanto mengatakan kepada wartawan bahwa inflasi Maret mencapai 0,2 persen."
    [c] = klaim.extract(text, "id", "2018-04-02")
    assert c.surface == "inflasi Maret mencapai 0,2 persen"
    assert c.speaker.name == "Suhariyanto" and c.speaker.role == "Kepala BPS"
    assert c.spans[0].surface.startswith("Kepala BPS Suhariyanto mengatakan")


def test_menurut_and_pronoun_speakers():
    text = ("Menteri Keuangan Sri Mulyani Indrawati hadir di Jakarta. Menurut Sri Mulyani, defisit "
            "anggaran tetap di bawah 3 persen. \"Kami akan menjaga disiplin fiskal,\" ujarnya.")
    claims = klaim.extract(text, "id", "2018-03-01")
    deficit = _find(claims, "defisit")
    assert deficit.speaker.name == "Sri Mulyani Indrawati" and deficit.speaker.cue == "Menurut"
    quote = _find(claims, "disiplin fiskal")
    assert "unit.quote" in quote.rules and quote.speaker.name == "Sri Mulyani Indrawati"
    assert quote.claim_type == ClaimType.prediction


def test_snapshot_of_the_seed(claims, file_regression):
    lines = [json.dumps(c.model_dump(mode="json"), ensure_ascii=False, sort_keys=True) for c in claims]
    file_regression.check("\n".join(lines) + "\n", extension=".jsonl")


def _attribution_cases():
    import yaml

    paths = sorted((Path(__file__).parent / "data" / "claims").glob("attribution_*.yaml"))
    return [pytest.param({**c, "lang": path.stem.split("_")[-1]}, id=f"{path.stem}:{c['name']}")
            for path in paths for c in yaml.safe_load(path.read_text(encoding="utf-8"))]


@pytest.mark.parametrize("case", _attribution_cases())
def test_attribution_patterns(case):
    claims = klaim.extract(case["text"], case["lang"], "2018-01-01")
    for c in claims:
        Claim.model_validate(c.model_dump(), context={"text": case["text"]})
    if "count" in case:
        assert len(claims) == case["count"], [c.surface for c in claims]
    if "claim" not in case:
        return
    c = _find(claims, case["claim"])
    for field, want in (case.get("speaker") or {}).items():
        got = getattr(c.speaker, field)
        assert (got.value if hasattr(got, "value") else got) == want, (field, c.speaker)
    if "claim_type" in case:
        assert c.claim_type.value == case["claim_type"]
    if "claim_type_not" in case:
        assert c.claim_type.value != case["claim_type_not"]
    if "modality" in case:
        assert c.modality.value == case["modality"], c.modality
    if "text_starts" in case:
        assert c.text.startswith(case["text_starts"]), c.text
    if "mention" in case:
        assert c.speaker.mention is not None and c.speaker.mention.surface == case["mention"], c.speaker
    if "surface_ends" in case:
        assert c.surface.endswith(case["surface_ends"]), c.surface
    if "rule" in case:
        assert case["rule"] in c.rules, c.rules


def test_negated_certainty_is_not_a_hedge():
    [c] = klaim.extract("\"Saya tidak mungkin menjadi presiden tanpa guru,\" ujar Jokowi.", "id")
    assert c.modality == Modality.negated


@pytest.mark.parametrize("unit", [
    '"Harga naik terus," kata Budi. ',            # thousands of quotes in one paragraph
    "harga beras naik, kata Budi, ",               # one run-on sentence of attributions
    "Budi mengatakan bahwa harga naik dan Ani yang datang mengatakan ",  # no punctuation at all
    "Rusia, yang menyerang, dan NATO, yang ",      # relative clauses without end
])
def test_run_on_text_gives_valid_claims(unit):
    # Speed on such text is measured by scripts/bench_pathological.py, not asserted here.
    text = unit * 3000  # about 100 KB in one paragraph
    claims = klaim.extract(text, "id")
    assert claims
    for c in claims[:50]:
        Claim.model_validate(c.model_dump(), context={"text": text})
