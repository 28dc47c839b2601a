"""Normalisation keeps every offset: one character in, one character out."""

from __future__ import annotations

from eventwire.ingest import normalize
from eventwire.ingest.normalize import _MAP


def test_every_mapping_is_one_to_one() -> None:
    assert all(len(k) == 1 and len(v) == 1 for k, v in _MAP.items())
    everything = "".join(_MAP)
    assert len(normalize(everything)) == len(everything)


def test_typical_wire_oddities() -> None:
    s = "Azerbaijan`s \u201cpartners\u201d\u00a0met \u2014 in\u2009Baku\u2019s\u00adcentre \uff08today\uff09\x92s\u2026"
    n = normalize(s)
    assert len(n) == len(s)
    assert n == "Azerbaijan's \"partners\" met - in Baku's centre (today)'s\u2026"


def test_plain_text_unchanged() -> None:
    s = "Plain ASCII text, with\nnewlines and (punctuation)."
    assert normalize(s) == s


def test_turkish_and_azerbaijani_letters_read_as_their_ascii_spellings() -> None:
    text = "İlham Əliyev, Şahin Mustafayev and Ağdam ısland"
    out = normalize(text)
    assert len(out) == len(text)
    assert out == "Ilham Aliyev, Sahin Mustafayev and Agdam island"


def test_names_in_their_own_alphabet_code_like_their_ascii_spelling() -> None:
    import eventwire

    def codes(t: str) -> list[tuple[str | None, str | None, str]]:
        return [
            ((r["source"] or {}).get("code"), (r["target"] or {}).get("code"), r["cameo"])
            for r in eventwire.code_text(t, date="2024-03-12")
        ]

    native = codes("İlham Əliyev met Recep Tayyip Erdoğan in Ankara on Tuesday.")
    ascii_ = codes("Ilham Aliyev met Recep Tayyip Erdogan in Ankara on Tuesday.")
    assert native == ascii_ and ("AZEGOV", "TURGOV", "040") in native
    rec = eventwire.code_text("İlham Əliyev met Recep Tayyip Erdoğan in Ankara on Tuesday.", date="2024-03-12")[0]
    assert rec["source"]["text"] == "İlham Əliyev"  # the record keeps the text as written


def test_as_written_puts_back_the_letters_normalisation_spelt_in_ascii() -> None:
    from eventwire.ingest.normalize import as_written

    original = "Kadir Topbaş’s office"
    assert as_written(original, normalize(original)) == "Kadir Topbaş's office"  # the apostrophe stays normalised


def test_a_stray_closing_quote_at_a_line_end_becomes_a_space() -> None:
    text = (
        'Rebels announce a halt to attacks on the army"\nThe rebels said "we stop" on Monday.\n'
        '"We are ready," he said."'
    )
    out = normalize(text)
    assert len(out) == len(text)
    assert out.splitlines() == [
        "Rebels announce a halt to attacks on the army ",
        'The rebels said "we stop" on Monday.',
        '"We are ready," he said. ',
    ]


def test_balanced_quotes_at_a_line_end_stay() -> None:
    text = 'He called the plan "a disgrace"\n"We will go," she said.'
    assert normalize(text) == text
