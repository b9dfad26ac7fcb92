"""The word patterns the question rules look for, compiled once.

Patterns run on one sentence at a time, case-insensitively, with curly
apostrophes already made straight (see ``text.sentences``).
"""

from __future__ import annotations

import re

from research_tool.lint.text import compile_all, one_of

# A request ("Could you walk me through ...") is not a question about the future.
REQUEST_VERBS = one_of(
    "tell walk describe show talk explain share give say mind remember recall rate"
)
SHARE = one_of("add share say tell show mention talk")
REQUEST = rf"(?!\s+(?:{REQUEST_VERBS}|like\s+to\s+{SHARE})\b)"
AUX = one_of(
    "do does did is are was were have has had can could will would should may might"
)
WH = one_of("how why what when where who whom whose which")
WHO = one_of(r"we you i they there it this that something someone anyone")
WHO = rf"(?:{WHO}|(?:the|a|an|your)\s+\w+)"
NEGATIVE = one_of(
    "don't doesn't isn't aren't wasn't weren't wouldn't won't didn't haven't "
    "hasn't couldn't shouldn't"
)
TAG = one_of(
    r"right correct no don't\s+you isn't\s+it wasn't\s+it didn't\s+you aren't\s+you"
)
HAD = one_of("already been just never had done seen gone made sent written \\w+ed")
LIKING = one_of("think like love hate prefer enjoy believe feel care value want")
RATING = one_of(
    "important useful valuable helpful satisfied happy confident comfortable interested"
)
VIEWS = one_of("opinions? thoughts views? impressions? preferences?")
JUDGED = one_of(
    "frustrating annoying painful tedious confusing stressful bad awful terrible "
    "great amazing wonderful easy hard difficult"
)
PAINFUL = one_of("painful frustrating annoying tedious")
THING = one_of(
    "tool feature dashboard app button system integration alert assistant plugin "
    "bot widget view report"
)
IDEA = one_of("product prototype design solution idea concept")
DOES = one_of("would could automatically lets? shows? showed flags? tells? alerts?")
BUILT = one_of(
    "built made added created offered gave had launched provided designed shipped "
    "could changed did"
)
PLANNING = one_of(
    r"building planning thinking\s+of thinking\s+about considering working\s+on "
    "designing"
)

FUTURE = compile_all(
    [
        rf"\bif\s+{WHO}\s+(?:could|would|were|had\s+(?!to\b))",
        rf"\bif\s+we\s+{BUILT}\b",
        r"\bwhat\s+if\b",
        r"\b(?:imagine|suppose)\b",
        r"\b(?:what|which|who)\s+would\b"
        r"(?!\s+(?:you\s+(?:describe|say|call)|have)\b)",
        rf"\b(?:would|will|wouldn't|won't)\s+(?:{WHO}|people)\b{REQUEST}",
        r"\b(?:you'll|we'll)\b",
        rf"\byou'd\s+(?!{HAD}\b|like\s+to\s+{SHARE}\b)",
        r"\b(?:are|is|am)\s+(?:you|they|we|it|i)\s+going\s+to\b",
        r"\bin\s+the\s+future\b",
        r"\bhow\s+likely\b",
        r"\bdo\s+you\s+(?:plan|intend|expect)\s+to\b",
    ]
)
OPINION = compile_all(
    [
        rf"\b(?:do|does)\s+(?:you|they|people|your\s+team)\s+{LIKING}\b",
        rf"\bhow\s+{RATING}\b",
        r"\b(?:is|are)\b[^?]*\b(?:more|less|most|least)\s+important\b",
        rf"\b(?:your|any)\s+{VIEWS}\b",
        r"\bon\s+a\s+scale\b",
        r"\brate\b",
    ]
)
LEADING = compile_all(
    [
        rf"^{NEGATIVE}\b",
        r"\b(?:do|would|wouldn't|don't)\s+you\s+agree\b",
        r"\bagree\s+that\b",
        rf",\s*{TAG}\?$",
        rf"\bhow\s+{JUDGED}\b",
        rf"\b(?:more|less|most|least)\s+{PAINFUL}\b",
        r"\bwhat\s+(?:was|is)\s+(?:so\s+)?(?:frustrating|annoying|painful|stressful)\b",
        r"\b(?:obviously|surely|clearly|of\s+course)\b",
    ]
)
PITCH = compile_all(
    [
        rf"\bif\s+we\s+{BUILT}\b",
        r"\bwhat\s+if\s+(?:we|there\s+(?:was|were)|you\s+had)\b",
        rf"\bwhat\s+if\s+the\s+{THING}\b",
        r"\bimagine\s+(?:a|an|if|that|we|you\s+had|there)\b",
        rf"\bwe(?:'re|\s+are)\s+{PLANNING}\b",
        rf"\bour\s+(?:new\s+)?(?:{THING}|{IDEA})\b",
        rf"\b(?:a|an|some)\s+(?:new\s+)?{THING}\s+(?:that|which|to)\s+{DOES}\b",
        r"\bwould\s+(?:it|that|an?\s+(?:\w+\s+)?\w+)\s+"
        r"(?:help|be\s+(?:useful|helpful))\b",
        rf"\b(?:something|anything|software|(?:a|an|the)\s+{THING})\s+"
        r"(?:that\s+)?(?:could|would)\s+automatically\b",
        rf"\bif\s+(?:something|software|(?:a|an|the)\s+{THING})\s+could\b",
        r"\bhow\s+about\s+(?:a|an)\b",
    ]
)
YES_NO = re.compile(rf"^{AUX}(?:n't)?\s+\w+\b{REQUEST}", re.IGNORECASE)
QUESTION_START = re.compile(rf"^(?:{WH}|{AUX})\b", re.IGNORECASE)
JOINED = re.compile(
    rf"\band\s+(?:{WH}|{AUX}\s+(?:you|they|it|that|we|he|she))\b", re.IGNORECASE
)
