"""Hostile values for the fuzz suite: odd texts, odd numbers, odd bytes."""

from hypothesis import strategies as st

NASTY_TEXTS = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "²",
    "١٢",
    "٣",
    "0",
    "-1",
    "1e30",
    "1" + "0" * 30,
    "9" * 5000,
    "NaN",
    "inf",
    "x" * 300,
    "a@" + "b" * 250 + ".lt",
    "ona@" + "x" * 260 + ".lt",
    LONG_EMAIL := "a" * 64 + "@" + ("b" * 60 + ".") * 4 + "lt",  # valid, 311 characters: over the 254 column
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "\ud800",
    "\u202e",
    "ąčęėįšųūž",
    "%00",
    "../../etc/passwd",
    "{{ 7*7 }}",
    "\n\r\t",
]

# Texts a browser could really send (no lone surrogates: they cannot be encoded in a request).
texts = st.one_of(
    st.sampled_from([t for t in NASTY_TEXTS if t != "\ud800"]),
    st.text(st.characters(exclude_categories=["Cs"]), max_size=400),
)
numbers_as_text = st.one_of(
    st.integers(min_value=-(10**40), max_value=10**40).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.sampled_from(["²", "١", "0x10", "1_000", " 7 ", "+5", "5.", ".5", "1e9999"]),
)
field_values = st.one_of(texts, numbers_as_text)
