"""The one place spaCy is loaded, lazily.

With no trained model installed the pipeline is ``spacy.blank("en")`` with a
sentencizer and lookup lemmas from spacy-lookups-data; rules (Matcher,
PhraseMatcher) do the rest. When ``en_core_web_sm`` (or the model named) is
installed, it is used for its parser, noun chunks and named entities.
Nothing outside this module imports spacy at module level.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

DEFAULT_MODEL = "en_core_web_sm"
BLANK = "blank-en"
BLANK_NAMES = ("blank", BLANK)  # --model values that ask for the rule-only one
NOT_LOADED = (
    "spaCy pipeline {model!r} is not installed or could not be loaded "
    "(research -v says why); used blank-en: rules only, no named entities"
)


@dataclass(frozen=True)
class Pipeline:
    """A loaded spaCy pipeline and what it can do."""

    nlp: Any  # spacy.language.Language; typed loosely to keep spaCy lazy
    name: str  # "blank-en" or the trained package name and version
    trained: bool  # loaded from a package or folder: may parse and find entities


@lru_cache(maxsize=4)
def load_pipeline(model: str | None = None, *, blank: bool = False) -> Pipeline:
    """The trained ``model`` when installed (default en_core_web_sm), else blank.

    ``blank=True``, or a ``model`` in BLANK_NAMES, gives the rule-only
    pipeline (the tests use it). A named ``model`` that is not installed, or
    will not load, falls back to blank and logs why; callers print
    ``Pipeline.name``, and ``fallback_note`` when it is not what was asked.
    """
    import spacy

    if not blank and model not in BLANK_NAMES:
        name = model or DEFAULT_MODEL
        try:
            nlp = spacy.load(name)
        except (OSError, ValueError, ImportError) as exc:
            # Not installed (OSError), or a folder whose config names a
            # component or a version this spaCy cannot build (ValueError).
            log.debug(
                "spaCy pipeline %s not loaded (%s); using blank English", name, exc
            )
        else:
            return Pipeline(nlp=nlp, name=_label(name, nlp), trained=True)

    return Pipeline(nlp=_blank_english(), name=BLANK, trained=False)


def fallback_note(model: str | None, ran: str) -> str:
    """The warning for stderr when ``model`` was asked for and ``ran`` ran instead.

    Empty when no model was named (blank English is then the plain default),
    when blank was asked for, or when the model ran.
    """
    if model is None or model in BLANK_NAMES or ran != BLANK:
        return ""
    return NOT_LOADED.format(model=model)


def _label(model: str, nlp: Any) -> str:
    """A package's name, or a pipeline folder's name, with its version.

    A snapshot records this, so a path given to ``--model`` is cut to its
    last part: no local folder (a home directory) ends up in shared files.
    """
    name = Path(os.path.abspath(model)).name or model  # "." gives its folder
    version = str(nlp.meta.get("version", ""))
    return f"{name}-{version}" if version and not name.endswith(version) else name


def _blank_english() -> Any:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    try:
        nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
        nlp.initialize()
    except (ValueError, OSError, ImportError) as exc:  # lookups data missing
        log.debug("lookup lemmatizer unavailable (%s); lemmas equal lower text", exc)
        nlp.remove_pipe("lemmatizer")
    return nlp
