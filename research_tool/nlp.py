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


@dataclass(frozen=True)
class Pipeline:
    """A loaded spaCy pipeline and what it can do."""

    nlp: Any  # spacy.language.Language; typed loosely to keep spaCy lazy
    name: str  # "blank-en" or the trained package name and version
    trained: bool  # has a parser, noun chunks and entities


@lru_cache(maxsize=4)
def load_pipeline(model: str | None = None, *, blank: bool = False) -> Pipeline:
    """The trained ``model`` when installed (default en_core_web_sm), else blank.

    ``blank=True`` forces the rule-only pipeline (the tests use it). Asking
    for a named ``model`` that is not installed, or will not load, falls back
    to blank and logs why; callers print ``Pipeline.name`` so the researcher
    sees which ran.
    """
    import spacy

    if not blank:
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

    return Pipeline(nlp=_blank_english(), name="blank-en", trained=False)


def _label(model: str, nlp: Any) -> str:
    """A package's name, or a pipeline folder's name, with its version.

    A snapshot records this, so a path given to ``--model`` is cut to its
    last part: no local folder (a home directory) ends up in shared files.
    """
    name = Path(os.path.abspath(model)).name or model  # "." names its folder
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
