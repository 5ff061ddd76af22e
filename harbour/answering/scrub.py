"""Taking personal details out of a question before an editor may see it."""

from __future__ import annotations

import re

MAX_CHARS = 500

_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\b[\w.+-]+@[\w-]+(\.[\w-]+)+\b"), "[email]"),
    (re.compile(r"\b(https?://|www\.)\S+", re.IGNORECASE), "[link]"),
    # UK postcodes, e.g. SW1A 1AA, m1 1ae
    (re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b", re.IGNORECASE), "[postcode]"),
    # phone numbers and any other long run of digits (dates of birth, case numbers)
    (re.compile(r"(?<!\w)\+?\d[\d\s().-]{5,}\d(?!\w)"), "[number]"),
    # a house number and a street: "12 Acacia Avenue", "flat 3"
    (re.compile(r"\b\d+[a-z]?\s+(?:[A-Za-z]+\s){0,3}(?:road|rd|street|st|avenue|ave|lane|ln|close|"
                r"drive|dr|way|court|crescent|place|gardens|grove|terrace|hill|park|row|walk|"
                r"square|mews)\b", re.IGNORECASE), "[address]"),
    (re.compile(r"\bflat\s+\d+\w*", re.IGNORECASE), "[address]"),
    # names people give: "my name is Sarah", "I'm called Jo", "my son Tyler"
    (re.compile(r"\b(my name is|my names|i am called|im called|i.m called)\s+\w+",
                re.IGNORECASE), r"\1 [name]"),
    (re.compile(r"\b(my (?:son|daughter|boy|girl|baby|partner|ex|husband|wife|boyfriend|"
                r"girlfriend|child|kid)(?:'s name is| is called| called| named)?)\s+([A-Z][a-z]+)"),
     r"\1 [name]"),
]


def scrub(text: str) -> str:
    """The question with emails, links, postcodes, numbers, addresses and given names removed."""
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return " ".join(text.split())[:MAX_CHARS]
