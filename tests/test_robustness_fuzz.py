"""Hostile-but-accepted texts through the whole chain: ingest -> nlp -> every extractor.

lagebild promises that a strange article is never a crash and never a lost record.  Ingest is
fuzzed in test_ingest_hostile.py; this file feeds texts that ingest *accepts* (odd quotation
marks, giant sentences, tables, emoji, mixed scripts, control characters, impossible dates, ...)
through :func:`lagebild.api.process_source`, exactly as ``lagebild analyze`` does, and checks
that no extractor raises and every offset slices the cleaned text exactly.

The generators are seeded (stdlib ``random``), so a failure reproduces.  Timing is not asserted
here: ``benchmarks/robustness.py`` runs many more cases and prints the slowest inputs.
"""
from __future__ import annotations

import json
import random
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from lagebild.api import _Done, process_source
from lagebild.ingest import Source
from lagebild.model import Evidence, Extraction, Failure

# -- building blocks --------------------------------------------------------------------------
DE_SENTENCES = [
    "Präsident Selenskyj traf am Montag in Kiew den US-Sondergesandten Witkoff.",
    "Der Kreml wies die Vorwürfe am Dienstag scharf zurück.",
    "Russland hat in der Nacht erneut Drohnen auf Charkiw abgefeuert, sagte der Bürgermeister.",
    "Außenministerin Baerbock kündigte weitere Hilfe über 500 Millionen Euro an.",
    "Die NATO-Staaten wollen die Ukraine mit Luftabwehrsystemen unterstützen.",
    "Putin drohte dem Westen mit Konsequenzen, falls Tomahawk-Raketen geliefert würden.",
    "Nach Angaben des ukrainischen Generalstabs wurden mehr als 1.200 Soldaten getötet.",
    "Trump sagte, er werde sich in Budapest mit Putin treffen.",
    "Die EU verhängte am 17.10.2025 ein neues Sanktionspaket gegen Moskau.",
    "Der Präsident sagte, man sei zu Verhandlungen bereit.",
]
EN_SENTENCES = [
    "President Zelensky met US envoy Witkoff in Kyiv on Monday.",
    "The Kremlin rejected the accusations on Tuesday.",
    "Russia launched more drones at Kharkiv overnight, the mayor said.",
    "Trump said he would meet Putin in Budapest next week.",
    "The EU imposed a new sanctions package on Moscow on 17 October 2025.",
    "\"We are ready to negotiate,\" the president said.",
]
QUOTE_MARKS = [("„", "“"), ("»", "«"), ("«", "»"), ("\"", "\""), ("‚", "‘"), ("'", "'"), ("“", "”"),
               ("‘", "’"), ("›", "‹"), ("„", "”"), ("«\u00a0", "\u00a0»")]
ODD_CHARS = ["\u200b", "\u200c", "\u200d", "\ufeff", "\u2060", "\u00ad", "\u202e", "\u202c", "\u200e",
             "\u200f", "\x01", "\x07", "\x0b", "\x0c", "\x1b", "\x1f", "\x7f", "\x85", "\u2028", "\u2029"]
FOREIGN = ["Москва заявила", "Κρεμλίνο", "普京说", "זלנסקי אמר", "قال بوتين", "東京で会談", "Україна",
           "Ελλάδα και Κύπρος", "한국", "Řehoř Šťastný"]
EMOJI = ["🇺🇦", "🇷🇺", "🔥", "💥", "👍🏽", "🕊️", "👨‍👩‍👧", "🚀", "❗️", "✅"]
NUMBERS = ["1.000.000,5", "3/4", "½", "10^6", "1,5 Mio.", "-12", "+3,7 %", "1e9", "0,000001", "12.5.3",
           "2.000-3.000", "ca. 40 000", "1'000'000", "٣٤", "Ⅻ", "10⁶", "¾ Mrd.", "§ 5", "100 %%"]
DATES = ["31.02.2025", "00.00.0000", "Donnerstag, der 45. Oktober", "32. Januar 2025", "29.02.2023",
         "99/99/9999", "2025-13-45", "0. Mai", "1. Januar 0", "Montag, 17.10.20255", "1.1.", "am 31.",
         "im Jahr 99999", "Freitag, den 13.", "vom 3. bis 1. März", "zwischen 2030 und 2020",
         "vor 1000000 Tagen", "in 99 Jahren", "KW 54", "Q5 2025", "24:61 Uhr", "Mitte Ende Anfang 2025"]
TITLES = ["der Präsident sagte", "die Ministerin erklärte", "der Sprecher betonte", "Kanzler sagte",
          "the president said", "a spokesman said", "der Außenminister", "die Regierungschefin warnte"]
NAMES = ["Trump", "Putin", "Selenskyj", "Merz", "Macron", "Witkoff", "Lawrow", "Rubio", "Orbán", "von der Leyen"]
HYPHEN = ["US-EU-NATO-Russland-Ukraine-Gipfel", "Trump-Putin-Selenskyj-Treffen", "A-B-C-D-E-F-G-H-I-J-K",
          "Nord-Stream-2-Pipeline-Sabotage-Untersuchungs-Ausschuss", "--", "-----", "- - -", "Ost-West--Nord"]
WORDS = ("und der die das Krieg Frieden Russland Ukraine Angriff Verhandlungen Waffenstillstand Regierung "
         "sagte erklärte Putin Trump Kiew Moskau Brüssel Drohnen Raketen Sanktionen Hilfe nicht kein "
         "gegen mit für über unter zwischen morgen gestern heute Montag Oktober 2025 Soldaten").split()


def _de(rng: random.Random, n: int = 3) -> str:
    return " ".join(rng.choice(DE_SENTENCES) for _ in range(n))


# -- generators: each returns one hostile text ------------------------------------------------
def gen_quotes(rng: random.Random) -> str:
    """Unbalanced and nested quotation marks of every style, mixed."""
    parts = [_de(rng, 2)]
    for _ in range(rng.randint(3, 12)):
        o, c = rng.choice(QUOTE_MARKS)
        o2, c2 = rng.choice(QUOTE_MARKS)
        inner = rng.choice(DE_SENTENCES)
        pattern = rng.choice([
            f"{o}{inner}{c}, sagte {rng.choice(NAMES)}.",
            f"{o}{inner} {o2}verschachtelt{c2} weiter{c} – so {rng.choice(NAMES)}.",
            f"{o}{inner}",                          # never closed
            f"{inner}{c} sagte er.",                 # never opened
            f"{o}{o}{o}{c}{c}",
            f"{rng.choice(NAMES)} sagte: {o}{inner} {o2}{inner}{c} {c2}",
            f"{c}{inner}{o}",                        # reversed
        ])
        parts.append(pattern)
    return " ".join(parts)


def gen_long_sentence(rng: random.Random, length: int = 20_000) -> str:
    """One sentence of ~``length`` characters with no punctuation at all."""
    out: list[str] = []
    size = 0
    while size < length:
        w = rng.choice(WORDS)
        out.append(w)
        size += len(w) + 1
    return "Titel der Meldung\n\n" + " ".join(out)


def gen_short_lines(rng: random.Random, lines: int = 2000) -> str:
    """Thousands of very short lines (one to three words each)."""
    return "\n".join(" ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 3))) for _ in range(lines))


def gen_numbers_dates(rng: random.Random) -> str:
    """Nothing but numbers and (often impossible) dates."""
    pieces = [rng.choice(NUMBERS + DATES) for _ in range(rng.randint(50, 400))]
    seps = [" ", "\n", ", ", " – ", ". ", "; "]
    return "".join(p + rng.choice(seps) for p in pieces)


def gen_table(rng: random.Random) -> str:
    """Tables with | and tabs, bullet lists, between real sentences."""
    rows = []
    for _ in range(rng.randint(5, 60)):
        cells = [rng.choice(NAMES + NUMBERS + DATES + WORDS) for _ in range(rng.randint(2, 8))]
        rows.append(rng.choice(["| ", "", "\t"]) + rng.choice([" | ", "\t", "\t\t", "|"]).join(cells)
                    + rng.choice([" |", "", "\t"]))
    bullets = [rng.choice(["- ", "* ", "• ", "– ", "1. ", "a) ", "▪ ", "→ "]) + rng.choice(DE_SENTENCES)
               for _ in range(rng.randint(3, 30))]
    return _de(rng, 3) + "\n\n" + "\n".join(rows) + "\n\n" + "\n".join(bullets) + "\n\n" + _de(rng, 2)


def gen_urls_mail(rng: random.Random) -> str:
    """URLs and e-mail addresses inside sentences."""
    items = ["https://www.tagesschau.de/ausland/europa/ukraine-russland-100.html", "www.kremlin.ru",
             "presse@auswaertiges-amt.de", "mailto:info@nato.int", "http://t.co/AbC?x=1&y=2#frag",
             "ftp://a.b/c.d", "https://de.wikipedia.org/wiki/Wladimir_Putin_(Politiker)",
             "Selenskyj@Twitter", "@ZelenskyyUa", "#StandWithUkraine", "https://x.com/i/status/1234567890"]
    return " ".join(f"{rng.choice(DE_SENTENCES)[:-1]} ({rng.choice(items)}) – siehe {rng.choice(items)}."
                    for _ in range(rng.randint(3, 20)))


def gen_mixed_scripts(rng: random.Random) -> str:
    """Emoji, RTL, Cyrillic, Greek and CJK fragments inside German text."""
    parts = []
    for sent in (rng.choice(DE_SENTENCES) for _ in range(rng.randint(4, 20))):
        words = sent.split()
        i = rng.randrange(len(words))
        words.insert(i, rng.choice(FOREIGN + EMOJI))
        parts.append(" ".join(words) + rng.choice(["", " " + rng.choice(EMOJI)]))
    return " ".join(parts)


def gen_control_chars(rng: random.Random) -> str:
    """Zero-width, bidi and control characters (never NUL) sprinkled into real sentences."""
    text = list(_de(rng, rng.randint(3, 10)))
    for _ in range(rng.randint(5, 60)):
        text.insert(rng.randrange(len(text) + 1), rng.choice(ODD_CHARS))
    return "".join(text)


def gen_repeated_names(rng: random.Random) -> str:
    """The same name hundreds of times, alone and with a cue."""
    name = rng.choice(NAMES)
    return (_de(rng, 2) + " " + " ".join([name] * rng.randint(50, 800)) + " sagte, "
            + " ".join([name] * rng.randint(5, 50)) + "." + " " + _de(rng, 1))


def gen_titles_only(rng: random.Random) -> str:
    """Role titles with no name anywhere; speaker resolution must come back empty, not crash."""
    out = []
    for _ in range(rng.randint(3, 15)):
        o, c = rng.choice(QUOTE_MARKS)
        out.append(rng.choice([f"{rng.choice(TITLES)}, man werde {rng.choice(WORDS)} nicht hinnehmen.",
                               f"{o}Das ist inakzeptabel{c}, {rng.choice(TITLES)}.",
                               f"Wie {rng.choice(TITLES)}, sei die Lage ernst."]))
    return " ".join(out)


def gen_open_quote_at_end(rng: random.Random) -> str:
    """A quotation opened at the very end of the text and never closed."""
    o, _ = rng.choice(QUOTE_MARKS)
    return _de(rng, rng.randint(2, 6)) + f" {rng.choice(NAMES)} sagte: {o}" + rng.choice(["", "Wir", _de(rng, 2)])


def gen_parens(rng: random.Random) -> str:
    """Deeply nested and unbalanced parentheses and brackets."""
    depth = rng.randint(5, 200)
    opens = "".join(rng.choice("([{") for _ in range(depth))
    closes = "".join(rng.choice(")]}") for _ in range(rng.randint(0, depth)))
    return _de(rng, 2) + f" {rng.choice(NAMES)} ({opens}{rng.choice(DE_SENTENCES)}{closes} sagte) " + _de(rng, 2)


def gen_hyphens(rng: random.Random) -> str:
    """Hyphen chains and compound monsters in sentences."""
    out = []
    for _ in range(rng.randint(3, 15)):
        chain = "-".join(rng.choice(NAMES + WORDS + ["US", "EU", "NATO"]) for _ in range(rng.randint(2, 40)))
        out.append(f"Der {rng.choice(HYPHEN + [chain])} begann am Montag, sagte {rng.choice(NAMES)}.")
    return " ".join(out)


def gen_soup(rng: random.Random) -> str:
    """Everything above mixed, sentence by sentence."""
    pool: list[Callable[[random.Random], str]] = [gen_quotes, gen_numbers_dates, gen_mixed_scripts,
                                                  gen_control_chars, gen_titles_only, gen_parens, gen_hyphens]
    return "\n\n".join(rng.choice(pool)(rng)[:2000] for _ in range(rng.randint(2, 6)))


def gen_english(rng: random.Random) -> str:
    """English hostile text (the English pipeline and data)."""
    parts = [rng.choice(EN_SENTENCES) for _ in range(4)]
    for _ in range(rng.randint(3, 10)):
        o, c = rng.choice(QUOTE_MARKS)
        parts.append(rng.choice([f"{o}We will not give up{c}, {rng.choice(['the president said', 'Trump said'])}.",
                                 f"{rng.choice(NAMES)} said: {o}{rng.choice(EN_SENTENCES)}",
                                 f"{rng.choice(NUMBERS)} {rng.choice(DATES)} {rng.choice(EMOJI)}",
                                 " ".join([rng.choice(NAMES)] * rng.randint(10, 100)) + " said."]))
    return " ".join(parts)


GENERATORS: dict[str, Callable[[random.Random], str]] = {
    "quotes": gen_quotes, "long_sentence": gen_long_sentence, "short_lines": gen_short_lines,
    "numbers_dates": gen_numbers_dates, "table": gen_table, "urls_mail": gen_urls_mail,
    "mixed_scripts": gen_mixed_scripts, "control_chars": gen_control_chars,
    "repeated_names": gen_repeated_names, "titles_only": gen_titles_only,
    "open_quote_at_end": gen_open_quote_at_end, "parens": gen_parens, "hyphens": gen_hyphens,
    "soup": gen_soup, "english": gen_english,
}
LANG_OF = {"english": "en"}           # every other generator writes German
# the two giants are slow by nature (20k chars of CRF tagging): fewer of them in the unit test
TEST_CASES = {"long_sentence": 1, "short_lines": 1}
DEFAULT_CASES = 3


def cases(seed: int, per_generator: dict[str, int] | None = None, default: int = DEFAULT_CASES,
          ) -> Iterator[tuple[str, str]]:
    """``(case id, text)`` for every generator, deterministic for a seed."""
    per_generator = per_generator or {}
    for name, gen in GENERATORS.items():
        rng = random.Random(f"{seed}:{name}")
        for i in range(per_generator.get(name, default)):
            yield f"{name}-{seed}-{i}", gen(rng)


# -- checks -----------------------------------------------------------------------------------
def run_text(case_id: str, text: str, lang: str | None = "de") -> _Done | Failure:
    """One text through :func:`process_source`.

    With ``lang`` the text comes as a news-please JSON record that declares its language (so
    ingest accepts texts a detector cannot identify, like a page of numbers, and the extractors
    see them); with ``lang=None`` as a plain-text file that ingest may refuse.
    """
    if lang is None:
        return process_source(Source(f"fuzz:{case_id}", text.encode("utf-8"), {}))
    record = {"maintext": text, "language": lang, "title": "Lage am Montag", "date_publish": "2025-10-20"}
    raw = json.dumps(record, ensure_ascii=False).encode("utf-8")
    return process_source(Source(f"fuzz:{case_id}#L1", raw, record, kind="json"))


def _check_span(text: str, start: int | None, end: int | None, what: str) -> None:
    if start is None and end is None:
        return
    assert start is not None and end is not None, f"{what}: half-open span {start}..{end}"
    assert 0 <= start <= end <= len(text), f"{what}: span {start}..{end} outside 0..{len(text)}"


def _check_ev(text: str, ev: Evidence | None, what: str) -> None:
    if ev is None:
        return
    assert 0 <= ev.start <= ev.end <= len(text), f"{what}: evidence {ev.start}..{ev.end} outside the text"
    assert text[ev.start:ev.end] == ev.text, f"{what}: evidence text does not slice the document"


def check_extraction(text: str, ex: Extraction) -> int:
    """Assert every offset in ``ex`` is consistent with the cleaned ``text``; return #records."""
    for m in ex.mentions:
        _check_span(text, m.start, m.end, "mention")
        assert text[m.start:m.end] == m.text, f"mention text {m.text!r} != slice {text[m.start:m.end]!r}"
        _check_ev(text, m.evidence, "mention")
    for q in ex.quotes:
        _check_span(text, q.start, q.end, "quote")
        _check_ev(text, q.evidence, "quote")
        if q.speaker is not None:
            _check_span(text, q.speaker.start, q.speaker.end, "speaker")
    for t in ex.timexes:
        _check_span(text, t.start, t.end, "timex")
        assert text[t.start:t.end] == t.text, f"timex text {t.text!r} != slice {text[t.start:t.end]!r}"
    for e in ex.events:
        _check_ev(text, e.evidence, f"event {e.type}")
        for extra in e.mentions:
            _check_ev(text, extra, f"event {e.type} mention")
    for c in ex.claims:
        _check_ev(text, c.evidence, "claim")
        _check_span(text, c.start, c.end, "claim")
    for s in ex.stances:
        _check_ev(text, s.evidence, "stance")
    for f in ex.findings:
        _check_ev(text, f.evidence, "finding")
    return sum(len(getattr(ex, k)) for k in ("mentions", "quotes", "timexes", "events", "claims", "stances"))


def assert_survives(case_id: str, text: str, lang: str | None = "de") -> _Done | None:
    result = run_text(case_id, text, lang)
    if isinstance(result, Failure):
        # ingest may refuse (e.g. nothing left after cleaning): that is a clear message, not a crash
        assert result.code != "internal" and result.stage == "ingest", (
            f"{case_id}: {result.stage} failed with {result.code}: {result.message}")
        return None
    check_extraction(result.doc.text, result.ex)
    return result


# -- tests ------------------------------------------------------------------------------------
@pytest.mark.parametrize("seed", [1, 2])
@pytest.mark.parametrize("name", sorted(GENERATORS))
def test_robustness_fuzz_generator_survives_chain(name: str, seed: int) -> None:
    rng = random.Random(f"{seed}:{name}")
    # seed 2 adds one more text per generator, except for the two slow giants
    for i in range(TEST_CASES.get(name, DEFAULT_CASES) if seed == 1 else int(name not in TEST_CASES)):
        assert_survives(f"{name}-{seed}-{i}", GENERATORS[name](rng), LANG_OF.get(name, "de"))


@pytest.mark.parametrize("name", sorted(GENERATORS))
def test_robustness_fuzz_plain_text_path_survives(name: str) -> None:
    """The same texts as plain-text files: ingest may refuse some (language, boilerplate), with
    a clear code; whatever it accepts must go through the chain."""
    rng = random.Random(f"3:{name}")
    assert_survives(f"{name}-plain", GENERATORS[name](rng), lang=None)


def test_robustness_fuzz_generators_reach_the_extractors() -> None:
    """Guard against a fuzz test that fuzzes nothing: the declared-language path must get every
    generator's text past ingest, and the extractors must find records in most of them."""
    with_records = 0
    for name, gen in GENERATORS.items():
        rng = random.Random(f"4:{name}")
        done = assert_survives(f"{name}-reach", gen(rng), LANG_OF.get(name, "de"))
        assert done is not None, f"ingest refused the {name} text"
        with_records += check_extraction(done.doc.text, done.ex) > 0
    assert with_records >= len(GENERATORS) - 2


# -- pathological inputs that were slow (each was seconds to minutes before its fix) ----------
_S = "Präsident Selenskyj traf am Montag in Kiew den US-Sondergesandten Witkoff. "
PROBES: dict[str, Callable[[int], str]] = {
    # timex_rules {NUM}: every position of a digit run rescanned the run (20,000 digits: 28 s)
    "digit_run": lambda n: _S + "1" * n + ".",
    # events_parties._marker: each coordinated actor re-checked every earlier one (cubic; 23 s)
    "coordination": lambda n: _S + " und ".join(["Putin", "Trump", "Merz", "Macron"] * (n // 24)) + " trafen sich.",
    # nlp.tokenize: no sentence end in 20,000 characters, every extractor quadratic in it (46 s)
    "no_punctuation": lambda n: gen_long_sentence(random.Random(5), n),
    # nlp.tokenize _boundary_after walked back over every closing mark before
    "closer_run": lambda n: _S + "“" * n + ".",
    # quotes_marks.find_marked rescanned up to 2,000 chars after each unclosed opener
    "unclosed_openers": lambda n: _S + "„a “ " * (n // 5) + "„Wir " * (n // 5),
    # nlp.tokenize e-mail pattern retried inside a CJK run (quadratic)
    "cjk_run": lambda n: _S + "普京说" * (n // 3) + ".",
    # actors_scan._inside_person listed an entity's tokens again for every span inside it
    "hyphen_chain": lambda n: _S + "-".join(["US"] * (n // 3)) + " Gipfel.",
    # events: every sentence filtered all mentions of the document
    "short_lines": lambda n: "\n".join(["Putin sagte"] * (n // 12)),
    "repeated_name": lambda n: _S + " ".join(["Trump"] * (n // 6)) + " sagte.",
    "ordinal_chain": lambda n: _S + " ".join(["Montag, der 45. Oktober"] * (n // 24)) + ".",
}
PROBE_TEST_SIZE = 4000     # the benchmark runs them at 20,000 and more


@pytest.mark.parametrize("name", sorted(PROBES))
def test_robustness_fuzz_pathological_probe_survives(name: str) -> None:
    assert assert_survives(f"probe-{name}", PROBES[name](PROBE_TEST_SIZE)) is not None


# -- regression tests of the fixes, at the unit level -----------------------------------------
def test_robustness_tokenize_caps_run_on_sentences() -> None:
    from lagebild.nlp.tokenize import MAX_SENT_TOKENS, split_sentences
    text = gen_long_sentence(random.Random(6), 6000)
    sents = split_sentences(text)
    assert len(sents) > 1 and all(len(s.tokens) <= MAX_SENT_TOKENS for s in sents)
    assert all(text[s.start:s.end] == s.text for s in sents)
    assert sum(len(s.tokens) for s in sents) == len(text.split())
    # real sentences are untouched
    normal = "Er sagte: „Wir kommen.“ Dann ging er. Der Kreml schwieg."
    assert [s.text for s in split_sentences(normal)] == ["Er sagte: „Wir kommen.“", "Dann ging er.",
                                                          "Der Kreml schwieg."]


def test_robustness_tokenize_closer_runs_and_email() -> None:
    from lagebild.nlp.tokenize import split_sentences, tokenize
    sents = split_sentences("Er ging.“ Dann kam sie.")
    assert [s.text for s in sents] == ["Er ging.“", "Dann kam sie."]
    # nested closers after the full stop still end the sentence; a run of 50 is no sentence end
    # (the walk back over closing marks stops after 8: it was quadratic in the run)
    assert [s.text for s in split_sentences("Er sagte: „Sie ging.‘“) Dann kam sie.")][-1] == "Dann kam sie."
    assert len(split_sentences("Er ging." + "“" * 50 + " Dann kam sie.")) == 1
    toks = [t.text for t in tokenize("Kontakt: presse@auswaertiges-amt.de oder a.b+c@nato.int heute")]
    assert "presse@auswaertiges-amt.de" in toks and "a.b+c@nato.int" in toks
    cjk = tokenize("普京说" * 100)
    assert len(cjk) == 300 and all(len(t.text) == 1 for t in cjk)


def test_robustness_timex_numbers_after_digit_guard() -> None:
    from lagebild.extract.timex_rules import rules_for
    rules = rules_for("de")
    found = [c.text for c in rules.find("Vor 3 Tagen und in 2,5 Jahren, seit 10 Monaten.")]
    assert any("3 Tagen" in t for t in found) and any("2,5 Jahren" in t for t in found)
    assert any("10 Monaten" in t for t in found)
    assert all(c.end <= 20_010 for c in rules.find("1" * 20_000 + " Tage"))


def _find_marked_reference(text: str) -> list[tuple[int, int]]:
    """find_marked before its scan cache: the specification it must still meet."""
    from lagebild.extract.quotes_marks import _MAX_LEN, _PAIRS, _can_close, _can_open
    out, i, n = [], 0, len(text)
    while i < n:
        closers = _PAIRS.get(text[i])
        if closers is None or not _can_open(text, i):
            i += 1
            continue
        j, limit, found = i + 1, min(n, i + _MAX_LEN), -1
        while j < limit:
            if text[j] == "\n":
                break
            if text[j] in closers and j > i + 1 and _can_close(text, j, text[j]):
                found = j
                break
            j += 1
        if found < 0:
            i += 1
            continue
        out.append((i, found))
        i = found + 1
    return out


def test_robustness_quotes_marks_scan_cache_matches_reference() -> None:
    from lagebild.extract.quotes_marks import find_marked
    rng = random.Random(7)
    alphabet = list("„“”\"»«‚‘’ ab\n.") + ["Wir ", "x" * 30]
    for _ in range(400):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 120)))
        assert [(m.open, m.close) for m in find_marked(text)] == _find_marked_reference(text), repr(text)
    for tail in (2500, 1500, 100):      # the closer beyond reach of all, of the first, of no opener
        long = "„a “ " * 500 + "„Wir " * 500 + "x" * tail + "“ " + "„b\n" * 300 + "»c " * 400 + "«"
        marks = [(m.open, m.close) for m in find_marked(long)]
        assert marks == _find_marked_reference(long) and len(marks) > 500
