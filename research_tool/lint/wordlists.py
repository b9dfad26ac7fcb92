"""Word lists for the hypothesis rules, and the inflections of a verb."""

from __future__ import annotations


def _words(text: str) -> list[str]:
    return text.split()


# Things people do that an interviewer could see, count or find in a tool.
ACTIONS = _words(
    """
abandon access add adopt answer approve archive ask assess assign attend automate
avoid book browse build buy call cancel chase change chat check choose churn click
close collect compare compile complain complete configure consult contact copy
create delay delegate delete detect discover document download drop duplicate edit
email enter escalate estimate export fail file fill filter find finish fix flag
follow forget forward hire ignore import install join keep learn leave log look
lose maintain make manage meet merge message migrate miss monitor move notice
notify open order pay paste phone pick ping plan post prepare print prioritise
prioritize produce publish purchase query quit read rebuild receive recommend
record reconcile refer refresh reject rely remind renew reopen repeat replace
reply report request resolve respond restart retype return reuse review run save
schedule screenshot search see select sell send share sign skip slip sort spend
start stop submit switch sync tag take talk test text track train triage try
type update upgrade upload use visit wait walk watch write
"""
)

IRREGULAR = {
    "build": ("built",),
    "buy": ("bought",),
    "choose": ("chose", "chosen"),
    "find": ("found",),
    "forget": ("forgot", "forgotten"),
    "keep": ("kept",),
    "leave": ("left",),
    "lose": ("lost",),
    "make": ("made",),
    "meet": ("met",),
    "pay": ("paid",),
    "run": ("ran",),
    "see": ("saw", "seen"),
    "sell": ("sold",),
    "send": ("sent",),
    "spend": ("spent",),
    "take": ("took", "taken"),
    "write": ("wrote", "written"),
}

# Feelings, wishes and beliefs: reported, not observed.
FEELINGS = _words(
    """
feel feels felt feeling frustrated frustrating frustration annoyed annoying happy
unhappy satisfied dissatisfied satisfaction love loves hate hates like likes
dislike dislikes prefer prefers want wants wish wishes enjoy enjoys worry worries
worried anxious stressed overwhelmed confused confident comfortable trust trusts
believe believes think thinks value values appreciate appreciates care cares
afraid angry excited delighted disappointed bored hope hopes know knows aware
understand understands perceive perceives
"""
)

# Quantities that fit any result.
VAGUE = [
    r"some",
    r"many",
    r"several",
    r"(?:a\s+)?few",
    r"often",
    r"frequently",
    r"sometimes",
    r"usually",
    r"rarely",
    r"seldom",
    r"regularly",
    r"occasionally",
    r"a\s+lot",
    r"lots",
    r"plenty",
    r"numerous",
    r"significant(?:ly)?",
    r"substantial(?:ly)?",
    r"considerabl[ey]",
    r"disproportionate(?:ly)?",
    r"too\s+(?:much|many|often|long)",
]

_VOWELS = "aeiou"


def inflections(verb: str) -> set[str]:
    """``verb`` with -s, -ed and -ing endings (and its irregular forms)."""
    forms = {verb, *IRREGULAR.get(verb, ())}
    if verb.endswith("e"):
        forms |= {verb + "s", verb + "d", verb[:-1] + "ing"}
    elif verb.endswith("y") and verb[-2] not in _VOWELS:
        forms |= {verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"}
    elif verb.endswith(("s", "x", "z", "ch", "sh")):
        forms |= {verb + "es", verb + "ed", verb + "ing"}
    else:
        forms |= {verb + "s", verb + "ed", verb + "ing"}
        if _doubles(verb):
            forms |= {verb + verb[-1] + "ed", verb + verb[-1] + "ing"}
    return forms


def _doubles(verb: str) -> bool:
    """Short consonant-vowel-consonant verbs double the last letter: ship, shipped."""
    return (
        len(verb) <= 4
        and verb[-1] not in _VOWELS + "wxy"
        and verb[-2] in _VOWELS
        and verb[-3] not in _VOWELS
    )
