"""Personal data out of transcripts: names, contact details, entities.

``redact`` works on one transcript with the names it is given;
``redact_for_study`` gathers a study's roster and plan names first, and
``read_redacted`` reads a study's transcript with its plan's guide questions
and redacts it: every command goes through them, so all redact identically.
"""

from __future__ import annotations

from research_tool.redaction.core import (
    INTERVIEWER,
    Redacted,
    redact,
    redact_contacts,
    redact_text,
)
from research_tool.redaction.study import (
    default_pipeline,
    read_redacted,
    redact_file,
    redact_for_study,
    schedule_names,
)

__all__ = [
    "INTERVIEWER",
    "Redacted",
    "default_pipeline",
    "read_redacted",
    "redact",
    "redact_contacts",
    "redact_file",
    "redact_for_study",
    "redact_text",
    "schedule_names",
]
