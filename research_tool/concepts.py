"""Everyday words for the concepts hypotheses are written in.

A hypothesis says "manual reporting" and "quantitative data"; a participant
says "I turn it into slides" and "the numbers live in five places". Each
family below gathers the plain words people use for one concept. When a
hypothesis uses a word of a family, the family's other words count for it
too, weighed less than the hypothesis's own words, and all of a family's
words count as one concept, so "hours" and "week" together are still one.

The families are general: they name no product, company or study, and a
study adds its own vocabulary in ``codebook.yaml``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from research_tool.lexicon import terms
from research_tool.passages import parse_texts

FAMILIES: dict[str, list[str]] = {
    "time": terms(
        """
        time, hour, hours, minute, minutes, half an hour, an hour, all day,
        a week, per week, every week, all morning, all afternoon, take forever,
        takes forever, half my day, most of my day
        """
    ),
    "effort": terms(
        """
        manual, manually, by hand, copy, paste, copy and paste, type, retype,
        re-enter, re-type, fill in, fill out, the same thing, same information,
        duplicate, twice, three times, again, redo, chase, tedious
        """
    ),
    "reporting": terms(
        """
        report, reporting, update, updates, status, status update, summary,
        deck, slide, slides, write up, write-up, recap, presentation,
        forecast, weekly update, roll-up, readout
        """
    ),
    "leadership": terms(
        """
        leadership, leader, executive, exec, boss, VP, director, head of,
        my manager, senior leadership, the C-suite
        """
    ),
    "quantitative": terms(
        """
        data, quantitative, number, numbers, metric, metrics, figure, figures,
        measure, measurable, percent, percentage, stat, stats, statistics,
        score, trend, count, chart, measured
        """
    ),
    "qualitative": terms(
        """
        relationship, tone, feel, felt, feeling, gut, vibe, sense, impression,
        mood, friendly, nice, happy, unhappy, upset, sentiment, rapport,
        responsive, responsiveness, returned the email, get back to,
        go quiet, went quiet, read on
        """
    ),
    "tools": terms(
        """
        tool, tools, system, systems, app, application, software, platform,
        spreadsheet, sheet, tab, tabs, login, database, portal, dashboard
        """
    ),
    "fragmented": terms(
        """
        fragment, fragmented, scattered, separate, different places,
        all over the place, multiple places, five places, several places,
        silo, siloed, disconnected, piece together, stitch together,
        pull together, too many, switch between, jump between, one place,
        different systems, separate login
        """
    ),
    "usage": terms(
        """
        usage, active user, active users, login, logins, log in, logging in,
        adoption, engagement, activity, power user, power users, seats
        """
    ),
    "churn": terms(
        """
        churn, churned, cancel, cancellation, leave, left, lose, lost,
        renew, renewal, non-renewal, walk away, at risk, in trouble,
        trouble, going to leave
        """
    ),
    "risk": terms(
        """
        risk, at risk, warning, early warning, red flag, signal, sign,
        first sign, alarm, something was off, something is off
        """
    ),
    "monitoring": terms(
        """
        monitor, monitoring, track, tracking, watch, keep an eye, check,
        alert, alerted, alerts, flag, flagged, mark, marked, warning, pop up,
        pops up, systematic, systematically, automate, set up
        """
    ),
    "correlation": terms(
        """
        correlate, correlation, predict, predictor, lead to, leads to,
        go with, goes with, always means, every time, drop, dropped, drops,
        fall, fell, falling, decline, declined, climb, climbs, go up, go down
        """
    ),
    "intuition": terms(
        """
        intuitive, intuitively, instinct, gut, hunch, sense, feel, in my book,
        from experience, I can tell, you can tell, I just know
        """
    ),
    "support": terms(
        """
        support, ticket, tickets, case, cases, bug, bugs, incident, queue,
        helpdesk, help desk, support team, engineering, outage
        """
    ),
    "resolution": terms(
        """
        triage, resolve, resolved, resolution, fix, fixed, close, closed,
        open, backlog, waiting on, sitting in, prioritise, prioritize, aging
        """
    ),
    "awareness": terms(
        """
        invisible, visibility, visible, see, hidden, unaware, aware, know,
        knew, find out, found out, hear, heard, told, tell, no idea,
        nobody knew, nobody told, blindside, blindsided, surprise, surprised,
        in the dark, communicate, communicated, in the loop, out of the loop,
        looped in, copy me
        """
    ),
    "escalation": terms(
        """
        escalate, escalated, escalation, complain, complained, complaint,
        angry, furious, yelled, threatened
        """
    ),
    "customer": terms(
        """
        customer, customers, client, clients, account, accounts, user, users
        """
    ),
    "cost": terms(
        """
        cost, costs, price, pricing, pay, paid, expensive, cheap, budget,
        money, dollar, dollars, fee, fees, invoice, spend money
        """
    ),
    "communication": terms(
        """
        email, emails, call, calls, phone, phoning, ring, rang, ring round,
        ring back, text, texts, message, messages, chat, voicemail, ping,
        meeting, meetings, conversation
        """
    ),
    "reminder": terms(
        """
        reminder, reminders, remind, reminded, confirm, confirmation,
        confirmed, notification, notify, text reminder, automated,
        automatic, automatically, reply, replied
        """
    ),
    "informal-record": terms(
        """
        informal, whiteboard, board, paper, notebook, notepad, sticky note,
        post-it, list, my list, in my head, memory, remember, on the side,
        spreadsheet, my own sheet
        """
    ),
    "repeat": terms(
        """
        repeat, repeated, repeatedly, same people, same names, same ones,
        same families, same clients, again and again, every time, regulars,
        usual suspects, a handful, habit, serial, pattern
        """
    ),
    "error": terms(
        """
        mistake, mistakes, error, errors, wrong, typo, typos, broken,
        inaccurate, out of date, stale, outdated
        """
    ),
    "delay": terms(
        """
        wait, waiting, delay, delayed, late, slow, slower, too late,
        by the time, weeks later, days later, behind
        """
    ),
}


Families = Mapping[str, dict[str, str]]  # family -> {word as written: lemma key}


def family_words(nlp: Any) -> Families:
    """Each family's words with their lemma keys, parsed by ``nlp`` (a few ms)."""
    flat = [(name, word) for name, words in FAMILIES.items() for word in words]
    docs = parse_texts(nlp, [word for _, word in flat])
    table: dict[str, dict[str, str]] = {name: {} for name in FAMILIES}
    for (name, word), doc in zip(flat, docs, strict=True):
        lemma = " ".join(t.norm_ for t in doc if not t.is_punct)
        if lemma and lemma not in table[name].values():
            table[name][word] = lemma
    return table


def related_terms(
    families: Families, words: Sequence[str], phrases: Sequence[str]
) -> dict[str, str]:
    """Family words for a hypothesis's own ``words`` and ``phrases`` (lemma keys).

    Returns term -> family name, for every word of every family that one of
    the hypothesis's words or phrases belongs to.
    """
    own = set(words) | set(phrases)
    related: dict[str, str] = {}
    for family, members in families.items():
        if own & set(members.values()):
            for term in members:
                related.setdefault(term, family)
    return related


def families_of(families: Families, keys: Sequence[str]) -> dict[str, str]:
    """Lemma key -> the family it belongs to, for the ``keys`` that have one."""
    found: dict[str, str] = {}
    for family, members in families.items():
        for key in set(members.values()) & set(keys):
            found.setdefault(key, family)
    return found
