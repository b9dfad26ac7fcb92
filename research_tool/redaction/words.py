"""Words that look like names but must not be redacted on their own.

Three lists: product and tool names (never personal), calendar words, and
English words that are also first or last names ("Will", "Mark", "Bell"),
with the words that show such a name opening a sentence as the word.
A full name ("Marcus Bell") is always redacted; these lists only decide
whether a lone token may be.
"""

from __future__ import annotations


def words(block: str) -> frozenset[str]:
    """The whitespace-separated words of ``block``."""
    return frozenset(block.split())


PRODUCTS = words(
    """
    salesforce gainsight jira zendesk tableau slack excel looker zoom outlook
    google sheets docs drive gmail teams microsoft word powerpoint sharepoint
    onedrive notion confluence asana trello hubspot intercom okta workday
    linear github gitlab figma miro loom calendly airtable dropbox box
    snowflake datadog sentry pagerduty mixpanel amplitude segment stripe
    chrome safari firefox windows mac macos ios android linux apple amazon
    aws azure gcp openai chatgpt copilot power bi quickbooks netsuite sap
    oracle servicenow monday clickup smartsheet webex skype whatsapp
    """
)

MONTHS = words(
    """
    january february march april may june july august september october
    november december jan feb mar apr jun jul aug sep sept oct nov dec
    """
)

WEEKDAYS = words(
    """
    monday tuesday wednesday thursday friday saturday sunday
    mon tue tues wed thu thur thurs fri sat sun today tomorrow yesterday
    """
)

# Never redacted as a lone token, whoever carries the name.
NEVER_ALONE = PRODUCTS | MONTHS | WEEKDAYS

# Names that are also everyday English words: redacted alone only when
# capitalised, and a surname only mid-sentence ("I told Bell" but not "The
# Bell curve"); context.py holds the rules.
AMBIGUOUS = words(
    """
    will mark bill pat rose grace faith hope joy summer amber dawn drew chase
    dean guy frank art bob sue rich bell brown green white black young king
    long park lane hill wood woods ford cook baker price rice stone page
    hunter carter fisher miller taylor mason cooper porter parker turner
    walker bishop rob jack max ray sky star iris ivy lily penny ruby sandy
    victor august sunny faye glen gene ken van major may june april autumn
    winter spring day law love north south east west rivers banks reed
    nash cash best good gay hall field fields short small little moody
    sharp swift wise bond case holmes gray grey lamb fox wolf bird crane
    new old big top low high first last the a an i we you he she they it
    """
)

# A study's own first names that are also words ("Joy", "Will") are redacted
# wherever they are capitalised, at the start of a sentence too, unless the
# next word shows the ordinary word: "Will you...", "Mark my words".
ORDINARY_OPENINGS = {
    "will": words(
        """
        you i we they he she it that this these those there the a an anyone
        anybody someone somebody everyone everybody people do be have not
        """
    ),
    "mark": words(
        """
        the a an it them this that these those my your our his her their each
        every all any as down off up
        """
    ),
    "bill": words(
        """
        the a an it them him her us me this that each every all any for by per
        monthly hourly weekly upfront
        """
    ),
    "hope": words(
        """
        you you're you've you'll i i'm so not that this it it's everything
        everyone all we we're to for
        """
    ),
    "grace": words("period periods"),
    "rose": words("by sharply steadily slightly again"),
    "joy": words("of"),
    "pat": words("yourself myself ourselves them him her on"),
    "sue": words("them him her us me the for"),
    "chase": words("them him her it up down the that those"),
    "drew": words("up a on the from"),
    "max": words("out of"),
    **dict.fromkeys(
        ("summer", "autumn", "winter", "spring"),
        words("is was 's months holidays term break season time"),
    ),
}

# Speaker labels that already name no one.
GENERIC_SPEAKERS = words(
    """
    interviewer participant moderator facilitator respondent host guest
    speaker unknown researcher interviewee narrator other
    """
)


def is_never_alone(word: str) -> bool:
    """True for product, month and weekday names."""
    return word.casefold() in NEVER_ALONE


def is_ambiguous(word: str) -> bool:
    """True for names that are also common English words."""
    return word.casefold() in AMBIGUOUS


def is_ordinary_opening(word: str, following: str) -> bool:
    """True when ``word`` opening a sentence before ``following`` is the word.

    ``following`` is the next word, or ``'s`` when one is attached:
    ``is_ordinary_opening("Will", "you")`` but not ``("Will", "said")``.
    """
    opening = ORDINARY_OPENINGS.get(word.casefold(), frozenset())
    return following.casefold().replace("’", "'") in opening
