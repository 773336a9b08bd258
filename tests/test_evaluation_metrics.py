"""The attribution and check-worthiness measures on tiny hand-made inputs."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest

from _claim_fixtures import claim_on
from klaim.errors import InputError
from klaim.evaluation.attribution import read_attributions, score_article, speaker_matches
from klaim.evaluation.worthiness import evaluate_worthiness, roc_auc
from klaim.schema import Article, Span, Speaker

TEXT = ("Donald Trump said the wall will cost 8 billion dollars. "
        "He added that he thinks Mexico would pay. "
        "The senator claimed the taxes rose.")


def _article() -> Article:
    return Article(article_id="t1", title="t", lang="en", published=date(2016, 1, 1), text=TEXT)


def _frag(surface: str) -> list[int | str]:
    s = TEXT.index(surface)
    return [s, s + len(surface), surface]


def _attr(source: str | None, content: str) -> dict:
    return {"source": [_frag(source)] if source else [], "cue": [], "content": [_frag(content)]}


ATTRS = [_attr("Donald Trump", "the wall will cost 8 billion dollars"),
         _attr("He", "Mexico would pay"),
         _attr("The senator", "the taxes rose")]


@pytest.mark.parametrize(("scores", "labels", "auc"), [
    ([0.9, 0.8, 0.2, 0.1], [1, 1, 0, 0], 1.0),
    ([0.1, 0.2, 0.8, 0.9], [1, 1, 0, 0], 0.0),
    ([0.5, 0.5, 0.5, 0.5], [1, 0, 1, 0], 0.5),
    ([0.9, 0.3, 0.6, 0.1], [1, 1, 0, 0], 0.75),   # 3 of 4 positive/negative pairs ordered right
    ([0.6, 0.6, 0.6, 0.1], [1, 0, 0, 0], 2 / 3),  # two ties count half each
])
def test_roc_auc(scores, labels, auc):
    assert roc_auc(scores, labels) == pytest.approx(auc)


def test_roc_auc_needs_both_labels():
    with pytest.raises(InputError):
        roc_auc([0.1, 0.2], [1, 1])


def test_pronoun_source_takes_the_nearest_named_source_before_it():
    attrs = read_attributions(TEXT, ATTRS)
    assert [a.antecedent for a in attrs] == [None, "Donald Trump", "Donald Trump"]


def test_speaker_matches_by_head_word_mention_or_antecedent():
    a = _article()
    trump = Speaker(kind="person", name="Donald J. Trump")
    attrs = read_attributions(TEXT, ATTRS)
    wall = claim_on(a, "the wall will cost 8 billion dollars", speaker=trump)
    assert speaker_matches(wall, attrs[0])
    pay = claim_on(a, "Mexico would pay", speaker=trump)
    assert speaker_matches(pay, attrs[1])  # "He" resolved to Donald Trump
    by_mention = claim_on(a, "the taxes rose", speaker=Speaker(
        kind="group", name="senators", mention=Span(start=TEXT.index("The senator"),
                                                   end=TEXT.index("The senator") + 11, surface="The senator")))
    assert speaker_matches(by_mention, attrs[2])
    assert not speaker_matches(claim_on(a, "the taxes rose", speaker=Speaker(kind="person", name="Cruz")), attrs[2])
    assert not speaker_matches(claim_on(a, "the taxes rose"), attrs[2])  # the publisher names no one


def test_score_article_counts():
    a = _article()
    claims = [
        claim_on(a, "the wall will cost 8 billion dollars", speaker=Speaker(kind="person", name="Trump")),
        claim_on(a, "Mexico would pay"),  # found, but given to the publisher
        claim_on(a, "the taxes rose", speaker=Speaker(kind="person", name="Rubio")),  # wrong source
        claim_on(a, "Donald Trump said", speaker=Speaker(kind="person", name="Trump")),  # no content there
    ]
    n = score_article(claims, read_attributions(TEXT, ATTRS))
    assert (n.with_content, n.content_found, n.found_attributed) == (3, 3, 2)
    assert (n.with_source, n.source_right) == (3, 1)
    assert (n.speaker_claims, n.speaker_claims_right) == (2, 1)


def test_content_needs_half_covered():
    a = _article()
    short = claim_on(a, "8 billion dollars", speaker=Speaker(kind="person", name="Trump"))
    n = score_article([short], read_attributions(TEXT, ATTRS[:1]))
    assert n.content_found == 0  # 17 of 36 characters


def test_evaluate_worthiness_ranks_figures_above_chat(tmp_path):
    rows = [{"id": "1", "text": "Unemployment rose to 9 percent in Ohio in 2010, the labor department said.",
             "label": 1},
            {"id": "2", "text": "Thank you very much.", "label": 0},
            {"id": "3", "text": "The deficit doubled to 400 billion dollars under the last administration.",
             "label": 1},
            {"id": "4", "text": "I think that is a good question, and I appreciate it.", "label": 0}]
    path = tmp_path / "s.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    report = evaluate_worthiness(path)
    assert (report.sentences, report.positives) == (4, 2)
    assert report.auc == 1.0


def test_limit_spreads_over_the_file(tmp_path):
    path = tmp_path / "s.jsonl"
    rows = [{"text": f"Prices rose {i} percent in Jakarta last year.", "label": 1} for i in range(4)]
    rows += [{"text": "Thank you.", "label": 0} for _ in range(4)]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    report = evaluate_worthiness(path, limit=4)
    assert (report.sentences, report.positives) == (4, 2)


def test_half_splits_by_the_parity_of_the_id(tmp_path):
    path = tmp_path / "s.jsonl"
    rows = [{"id": f"cb-{i}", "text": f"Prices rose {i + 2} percent in Jakarta last year.", "label": 1}
            for i in range(4)]
    rows += [{"id": f"cb-{i}", "text": "Thank you.", "label": 0} for i in range(4, 9)]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    even, odd = evaluate_worthiness(path, half="even"), evaluate_worthiness(path, half="odd")
    assert [(r.sentences, r.positives, r.half) for r in (even, odd)] == [(5, 2, "even"), (4, 2, "odd")]
    assert "ids of odd number" in odd.render()
    with pytest.raises(InputError, match="half must be one of even, odd"):
        evaluate_worthiness(path, half="first")
    path.write_text(json.dumps({"id": "a", "text": "Thank you.", "label": 0}) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="half needs an id ending in a number"):
        evaluate_worthiness(path, half="even")


@pytest.mark.parametrize(("content", "message"), [
    ('{"text": "x"}\n', "line 1: field 'label' is missing"),
    ('{"text": 3, "label": 1}\n\nnot json\n', "2 bad record(s): line 1: field 'text' has the wrong type"),
    ('{"text": "x", "label": 2}\n{"text": "y", "label": 0}\n', "label must be 0 or 1"),
])
def test_bad_input_is_one_clear_error(tmp_path, content, message):
    path = tmp_path / "bad.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=re.escape(message)):
        evaluate_worthiness(path)
