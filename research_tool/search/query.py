"""Turning what a researcher types into an FTS5 query, and ranking the hits.

Plain words must all match, ``"quoted phrases"`` match as phrases, and
``word*`` matches by prefix. Everything else FTS5 would read as syntax
(``AND``, ``NEAR``, ``:``, brackets, stray quotes) is taken as plain text, so
no input can raise an FTS5 syntax error.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from typing import Any

from research_tool.timecodes import format_timestamp

_TOKEN = re.compile(r'"([^"]*)"?|(\S+)')
_WORD = re.compile(r"\w", re.UNICODE)
_PIECE = re.compile(r"[\w'’.-]+")  # a word as people type it: don't, pain-point

# Column weights for bm25: the quote counts most, then topics, then context.
WEIGHTS = (10.0, 2.0, 4.0)
MARK = "**"


@dataclass(frozen=True)
class Filters:
    type: str | None = None
    topic: str | None = None
    hypothesis: str | None = None
    stance: str | None = None
    participant: str | None = None


@dataclass(frozen=True)
class Hit:
    study: str
    participant: str
    role: str
    path: str  # relative to the search root
    line: int
    timestamp: str | None
    type: str
    topics: tuple[str, ...]
    hypotheses: tuple[tuple[str, str], ...]  # (number, stance)
    quote: str
    highlighted: str  # the quote with each match wrapped in **
    context: str
    score: float
    observed: bool = False

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}"


def fts_query(text: str) -> str:
    """``text`` as a safe FTS5 MATCH expression ('' when it holds no words).

    >>> fts_query('exports "weekly report" sales* NEAR(churn')
    '"exports" "weekly report" "sales"* "NEAR" "churn"'
    """
    terms = []
    for match in _TOKEN.finditer(text):
        phrase, word = match.group(1), match.group(2)
        if phrase is not None:
            terms += [f'"{phrase}"'] if _WORD.search(phrase) else []
            continue

        prefix = word.endswith("*")
        pieces = [p for p in _PIECE.findall(word) if _WORD.search(p)]
        terms += [f'"{piece}"' for piece in pieces]
        if prefix and pieces:
            terms[-1] += "*"
    return " ".join(terms)


def hypothesis_number(value: str) -> str:
    """``"H1"``, ``"h1"`` and ``"1"`` all name hypothesis ``"1"``."""
    value = value.strip()
    return value[1:] if value[:1] in "Hh" and value[1:].isdigit() else value


def run_query(
    connection: sqlite3.Connection, text: str, filters: Filters, limit: int
) -> list[Hit]:
    """The best ``limit`` hits for ``text``, best first; ties by path and line."""
    match = fts_query(text)
    where, params = _filter_sql(filters)
    if match:
        # Prefix terms search the text as written; the rest the stemmed text.
        table = "quotes_raw" if '"*' in match else "quotes_fts"
        sql = (
            f"SELECT q.*, highlight({table}, 0, '{MARK}', '{MARK}'), "
            f"bm25({table}, {', '.join(map(str, WEIGHTS))}) AS score "
            f"FROM {table} JOIN quotes q ON q.id = {table}.rowid "
            f"WHERE {table} MATCH ? {where} "
            "ORDER BY score, q.study, q.path, q.line LIMIT ?"
        )
        params = [match, *params, limit]
    elif where:
        sql = (
            "SELECT q.*, q.quote, 0.0 AS score FROM quotes q "
            f"WHERE 1 {where} ORDER BY q.study, q.path, q.line LIMIT ?"
        )
        params = [*params, limit]
    else:
        return []

    rows = connection.execute(sql, params).fetchall()
    links = _links(connection, [row[0] for row in rows])
    return [_hit(row, links.get(row[0], ())) for row in rows]


def _filter_sql(filters: Filters) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if filters.type:
        clauses.append("q.type = ?")
        params.append(filters.type)
    if filters.topic:
        clauses.append("instr(',' || q.topics || ',', ',' || ? || ',') > 0")
        params.append(filters.topic.strip().lower())
    if filters.participant:
        clauses.append("q.participant = ?")
        params.append(filters.participant)
    if filters.hypothesis or filters.stance:
        link = ["l.quote_id = q.id"]
        if filters.hypothesis:
            link.append("l.hypothesis = ?")
            params.append(hypothesis_number(filters.hypothesis))
        if filters.stance:
            link.append("l.stance = ?")
            params.append(filters.stance)
        clauses.append(f"EXISTS (SELECT 1 FROM links l WHERE {' AND '.join(link)})")
    return "".join(f" AND {clause}" for clause in clauses), params


def _links(
    connection: sqlite3.Connection, ids: list[int]
) -> dict[int, tuple[tuple[str, str], ...]]:
    found: dict[int, list[tuple[str, str]]] = {}
    marks = ", ".join("?" * len(ids))
    for quote_id, number, stance in connection.execute(
        f"SELECT quote_id, hypothesis, stance FROM links WHERE quote_id IN ({marks}) "
        "ORDER BY rowid",
        ids,
    ):
        found.setdefault(quote_id, []).append((number, stance))
    return {key: tuple(value) for key, value in found.items()}


def _hit(row: tuple[Any, ...], links: tuple[tuple[str, str], ...]) -> Hit:
    (_, path, study, participant, role, line, at, kind, topics, quote, context) = row[
        :11
    ]
    observed, highlighted, score = row[11], row[12], row[13]
    return Hit(
        study=study,
        participant=participant,
        role=role,
        path=path,
        line=line,
        timestamp=None if at is None else format_timestamp(at),
        type=kind,
        topics=tuple(t for t in topics.split(",") if t),
        hypotheses=links,
        quote=quote,
        highlighted=highlighted,
        context=context,
        score=float(score),
        observed=bool(observed),
    )
