"""Regular expressions for contact details: emails, phones, addresses, URLs,
social handles.

One combined expression finds them all in a single scan. Boundaries treat
square brackets as word characters, so a replacement such as ``[url]``
never creates a new match beside it (redaction stays idempotent).
"""

from __future__ import annotations

import re

from research_tool.redaction.words import words

# Product and public sites a participant may name without naming anyone.
PRODUCT_DOMAINS = words(
    """
    salesforce.com gainsight.com atlassian.com atlassian.net jira.com
    zendesk.com tableau.com slack.com microsoft.com office.com google.com
    looker.com zoom.us outlook.com linear.app github.com gitlab.com
    notion.so figma.com hubspot.com asana.com trello.com youtube.com
    wikipedia.org
    """
)

# Paths on public sites that point at one person.
PERSONAL_PATH = re.compile(r"/(?:in|u|user|users|people|profile|~)[/@\w]|/@|/~")

_TLDS = (
    "com|net|org|io|co|app|dev|ai|info|biz|edu|gov|us|uk|de|fr|ca|au|nl|"
    "se|fi|dk|es|ch|ie|nz|jp|xyz|site|tech|online|health"
)

_B = r"(?<![\w\[\]@.+-])"  # left boundary
_E = r"(?![\w\[\]@])"  # right boundary

EMAIL = r"[\w.%+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}"

URL = (
    r"(?:https?://|www\.)[^\s<>\"'()\[\]]*[^\s<>\"'()\[\].,;:!?]"
    rf"|[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:{_TLDS})\b"
    r"(?:/[^\s<>\"'()\[\]]*[^\s<>\"'()\[\].,;:!?])?"
)

_SEP = r"[ .-]?"
_SEVEN_DIGITS = r"(?=(?:[ .()-]?\d){7})"  # the shortest number: +290 1234
PHONE = (
    rf"\+{_SEVEN_DIGITS}\d{{1,3}}{_SEP}(?:\(\d{{1,4}}\){_SEP})?\d{{1,4}}(?:{_SEP}\d{{2,4}}){{2,4}}"
    rf"|(?:1{_SEP})?\(\d{{3}}\) ?\d{{3}}[ .-]\d{{4}}"
    rf"|(?:1[ .-])?\d{{3}}[.-]\d{{3}}[.-]\d{{4}}"
    rf"|(?:1 )?\d{{3}} \d{{3}} \d{{4}}"
    r"|\d{10}"
    r"|[2-9]\d{2}[.-]\d{4}"  # a local number without its area code: 555-0148
)
_EXTENSION = r"(?:,? ?(?:ext\.?|x) ?\d{1,5})?"

_SUFFIX = (
    r"Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|"
    r"Way|Place|Pl|Terrace|Ter|Parkway|Pkwy|Circle|Cir|Highway|Hwy|Square|Sq|"
    r"Trail|Trl|Loop|Row|Alley|Plaza"
)
_UNIT = r"(?:,? (?:Suite|Ste\.?|Apt\.?|Apartment|Unit|Floor|#) ?#?\w+)?"
_CITY = r"(?:, (?:[A-Z][a-z]+ ){0,2}[A-Z][a-z]+(?:, [A-Z]{2})?(?: \d{5}(?:-\d{4})?)?)?"
ADDRESS = (
    rf"\d{{1,6}} (?:[NSEW]\.? )?(?:[A-Z][a-z]+ |\d+(?:st|nd|rd|th) ){{1,4}}"
    rf"(?:{_SUFFIX})\b\.?(?: [NS][EW]\b| [NSEW]\b)?{_UNIT}{_CITY}"
    r"|P\.? ?O\.? Box \d+"
)

# A social handle; Slack's own group mentions are not anyone's.
HANDLE = r"@(?!(?:channel|here|everyone)\b)[A-Za-z0-9_][A-Za-z0-9_.]{1,29}(?<!\.)"

CONTACT = re.compile(
    rf"{_B}(?:(?P<email>{EMAIL})|(?P<address>{ADDRESS})"
    rf"|(?P<phone>(?:{PHONE}){_EXTENSION})|(?P<url>{URL})|(?P<handle>{HANDLE})){_E}"
)

# What each kind becomes.
TOKENS = {
    "email": "[email]",
    "phone": "[phone]",
    "address": "[address]",
    "url": "[url]",
    "handle": "[handle]",
}


def is_personal_url(url: str) -> bool:
    """False for a product's own site (``salesforce.com``, ``https://zoom.us``).

    A product domain with a path naming a person (``github.com/jdoe``,
    ``linkedin.com/in/...``) is personal; so is any other site.
    """
    rest = re.sub(r"^(?:https?://)?(?:www\.)?", "", url, flags=re.IGNORECASE)
    host, _, path = rest.partition("/")
    if host.casefold() not in PRODUCT_DOMAINS:
        return True
    return bool(path.strip("/")) and (
        host.casefold() in {"github.com", "gitlab.com"}
        or bool(PERSONAL_PATH.search("/" + path))
    )
