"""Cue words and phrases, by what they signal. Matched on lemmas.

Weights: 3 a clear cue, 2 a usual one, 1 a hint. Phrases are written as a
person says them; ``cues.TermMatcher`` lemmatises them before matching.
"""

from __future__ import annotations


def terms(text: str) -> list[str]:
    """A comma-separated list of phrases, one list."""
    return [t.strip() for t in text.split(",") if t.strip()]


# Insight types -----------------------------------------------------------

PAIN_POINT = {
    3: terms(
        """
    frustrate, frustrating, frustration, annoying, annoy, hate, nightmare,
    painful, pain, drive me crazy, headache, struggle, killing me, terrible,
    awful, fall through the cracks, blindside, caught off guard,
    no visibility, no way to, have no idea, had no idea, waste, wasted,
    drowning, mess, stressful, scramble, scrambling, embarrassing,
    embarrassed
    """
    ),
    2: terms(
        """
    problem, issue, hard, difficult, tedious, slow, broken, fail, stuck,
    confusing, take forever, take hours, too long, too many, can't find,
    couldn't find, didn't know, don't know, stress, worry, worried,
    by the time, too late, surprise, blind, miss, missed, lost, painful,
    chase, chasing, nobody told, no one told, never know, hours, invisible,
    can't, cannot, couldn't, unable, not able, doesn't let, won't let,
    doesn't tell, nothing tells, nobody knows, no one knows, wrong, trouble,
    rebuild, redo, retype, re-type, the same, on top of, keeps me up, limit,
    not friendly, out of the loop, not in the loop, wait, waiting, behind
    """
    ),
    1: terms(
        """
    manual, manually, again, late, only find out, find out, nothing,
    nobody, no one, never, still, only
    """
    ),
}

NEED = {
    4: terms(
        """
    I need, we need, I need to, we need to, I really need
    """
    ),
    3: terms(
        """
    need, require, essential, necessary, can't live without,
    should be able to, have got to, non-negotiable, must have
    """
    ),
    2: terms(
        """
    have to, has to, must, got to, gotta, critical, important that,
    depend on, rely on, the key is
    """
    ),
    1: terms(
        """
    should, supposed to
    """
    ),
}

DESIRE = {
    4: terms(
        """
    I wish, I would love, I'd love, I really wish
    """
    ),
    3: terms(
        """
    wish, would love, I'd love, would be nice, would be great,
    would be helpful, would help, would be amazing, if only, ideally,
    magic wand, dream, if I could, if we could, if there was, if there were,
    would want, I'd want, love to have, it'd be nice, it'd be great,
    would make my life
    """
    ),
    2: terms(
        """
    want, hope, prefer, would like, I'd like, could just, rather
    """
    ),
    1: terms(
        """
    be able to, someday, would
    """
    ),
}

BEHAVIOR = {
    3: terms(
        """
    usually, typically, normally, first thing, every morning, every day,
    every week, every Monday, every Friday, I tend to, my routine,
    most mornings, each week, each morning
    """
    ),
    2: terms(
        """
    daily, weekly, monthly, quarterly, always, often, routine,
    habit, once a, twice a, most of the time, tend to, start by, start with,
    go through, log into, log in, then I
    """
    ),
    1: terms(
        """
    every, each, check, open, look at, pull, review, update, go into,
    sometimes, Monday, morning
    """
    ),
}

WORKAROUND = {
    3: terms(
        """
    workaround, work around, copy and paste, copy-paste, hack, sticky note,
    my own spreadsheet, my own, on the side, cobble together, piece together,
    stitch together, cheat sheet, side spreadsheet, keep a list, keep my own,
    built a, build my own, set a reminder, end up, ended up
    """
    ),
    2: terms(
        """
    spreadsheet, export, paste, manually, instead, keep track, track it,
    screenshot, reminder, macro, bookmark, Excel, Google Sheets, notebook,
    just ask, ping, DM, text them, write it down, personal, checklist,
    my sheet, my spreadsheet, my list, my notes, I keep, keep a, a note,
    set up a, alert, ask him, ask her, send him, send her, check with
    """
    ),
    1: terms(
        """
    copy, template, script, so I just, I just
    """
    ),
}

MOTIVATION = {
    3: terms(
        """
    so that, the reason, in order to, care about, so I can, so we can,
    want to make sure, the point is, what matters, the whole point,
    at the end of the day
    """
    ),
    2: terms(
        """
    reason, matter, important, goal, make sure, that way, priority, trust,
    protect, credibility, I like, I love, proud
    """
    ),
    1: terms(
        """
    because, why, value, worth
    """
    ),
}

# Phrases that hold a type cue's words without meaning it: "so that's
# twenty years" is no purpose, "it must have been March" no necessity, "I
# want to say eleven" no wish.
NOT_CUES = terms(
    """
    so that's, so that is, so that was, so that'll, so that would,
    must have been, must've been, must have had, must have sent,
    must have done, must have said, must have told, must have gone,
    I want to say, I wanna say, I have to say, I'd have to say,
    I have to admit, I have to be honest, I have to tell you,
    if I'm honest, to be honest, I'd say, needless to say
    """
)

TYPE_CUES: dict[str, dict[int, list[str]]] = {
    "pain-point": PAIN_POINT,
    "need": NEED,
    "desire": DESIRE,
    "behavior": BEHAVIOR,
    "workaround": WORKAROUND,
    "motivation": MOTIVATION,
}

# When two types score the same, the more specific one wins.
TYPE_PRIORITY = ("workaround", "desire", "need", "motivation", "pain-point", "behavior")

# Stance ------------------------------------------------------------------

NEGATION = terms(
    """
    not, n't, never, no, none, nobody, nothing, neither, nor, hardly, rarely,
    barely, without, no one
    """
)
CONTRAST = terms(
    """
    but, though, although, however, actually, instead, rather
    """
)
CONTRADICTION = terms(
    """
    not really, not true, not the case, the opposite, disagree,
    that's wrong, doesn't matter, don't think, don't buy, wouldn't say,
    not necessarily, not at all, not much, not a problem, not an issue,
    not that bad, works well, no problem, never an issue, doesn't really,
    don't really, skeptic, skeptical, to be fair, I'd rather, in fairness,
    not always, exception, different
    """
)
# Hypothesis words that already carry a negative sense: a negated match then
# agrees with the hypothesis instead of contradicting it.
NEGATIVE_SENSE = terms(
    """
    lack, invisible, gap, fail, miss, without, not, no, never, until, hidden,
    unaware, blind, unknown, nobody
    """
)

# Words of how hypotheses are phrased, not of what they are about.
GENERIC = set(
    terms(
        """
    disproportionate, primarily, intuitively, systematic, systematically,
    correlate, amount, lack, assess, exist, existing, high, higher, low,
    lower, way, thing, rather, likely, often, usually, generally, mostly,
    instead, really, able
    """
    )
)

# Words of conversation that never make a topic.
FILLER = set(
    terms(
        """
    yeah, yes, okay, ok, oh, um, uh, like, kind, sort, stuff, thing, lot,
    guess, think, know, mean, say, said, get, got, go, going, want, need,
    really, just, right, well, actually, pretty, little, bit, good, great,
    sure, maybe, probably, basically, literally, totally, obviously, gonna,
    wanna, gotta, day, time, way, people, somebody, someone, something,
    anything, everything, thing, today, point, look, come, make, take, see,
    tell, try, let, feel, use, work, start, end, happen, talk, ask,
    monday, tuesday, wednesday, thursday, friday, saturday, sunday, week,
    weekend, month, year, hour, minute, morning, afternoon, night, ago,
    honestly, stuff, whole, half, first, second, third, last, next,
    spend, copy, build, open, drive, hurt, keep, put, call, find, write,
    read, send, pull, check, set, run, turn, sit, show, give, bring, move,
    change, add, fix, help, lose, stop, wish, hope, love, hate, crazy,
    quick, sure, real, same, different, big, small, new, old, good, bad,
    nice, happen, mean, lot, kind, hear, talk, sound, exactly, okay,
    problem, issue, question, answer, reason, part, case, example, number,
    type, count, row, update, close, late, early, wrong, drop, meet, renew,
    miss, wait, late, fail, red, yellow, green, orange, blue, high, low,
    long, short, full, hard, easy, whole, thing, place, side, stuff
    """
    )
)

# Observations ------------------------------------------------------------

FREQUENCY = terms(
    """
    every day, every week, every month, every morning, every Monday,
    every Friday, daily, weekly, monthly, quarterly, once a week,
    twice a week, once a month, always, usually, often, never, sometimes,
    rarely, each week, each month, every quarter, hourly, a couple of times,
    first thing, all the time, constantly
    """
)
EMOTION = terms(
    """
    frustrate, frustrating, annoying, hate, love, stress, stressful, worry,
    worried, anxious, nervous, scared, afraid, panic, relief, relieved,
    happy, glad, excited, upset, angry, mad, embarrassed, embarrassing,
    overwhelmed, tired, exhausting, confident, proud, surprised,
    disappointed, nightmare, painful
    """
)
NEGATIVE_EMOTION = terms(
    """
    frustrate, frustrating, annoying, hate, stress, stressful, worry,
    worried, anxious, nervous, scared, afraid, panic, upset, angry, mad,
    embarrassed, embarrassing, overwhelmed, tired, exhausting, disappointed,
    nightmare, painful
    """
)
TOOLS = terms(
    """
    Salesforce, Gainsight, Jira, Zendesk, Tableau, Slack, Excel,
    Google Sheets, Google Docs, Looker, Zoom, Outlook, Teams, HubSpot,
    Confluence, Notion, Asana, Trello, ChurnZero, Power BI, PowerPoint,
    Gmail, SharePoint, Intercom, Mixpanel, Amplitude, spreadsheet, email,
    dashboard, CRM, calendar, Word, GitHub, Figma, Miro, Airtable,
    Smartsheet, ServiceNow
    """
)
TRIGGER = terms(
    """
    first noticed, realized, got a call, got an email, kicked off,
    the first sign, first signal, found out, noticed, that's when, it started
    """
)
OUTCOME = terms(
    """
    ended up, in the end, eventually, finally, result, so we, turned out,
    churned, renewed, lost the, saved, fixed, escalated, resolved
    """
)
PAST_TIME = terms(
    """
    last, yesterday, ago, last week, last month, last time, this morning,
    once, when I, back in, that day
    """
)
