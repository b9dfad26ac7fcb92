"""JSON export: the whole study as data, valid against docs/study.schema.json."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from research_tool.cli import cli
from research_tool.export import render
from research_tool.export.bundle import load_bundle

FIXTURE = Path(__file__).parent / "fixtures" / "export" / "tooling-study"
SCHEMA = Path(__file__).resolve().parent.parent / "docs" / "study.schema.json"

TYPES: dict[str, tuple[type, ...]] = {
    "object": (dict,),
    "array": (list,),
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "null": (type(None),),
}


def schema_errors(
    value: Any, schema: dict[str, Any], root: dict[str, Any], at: str = "$"
) -> list[str]:
    """The few JSON Schema keywords study.schema.json uses, checked by hand."""
    if "$ref" in schema:
        target = root
        for part in schema["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        return schema_errors(value, target, root, at)

    errors = []
    kinds = schema.get("type")
    if kinds is not None:
        names = [kinds] if isinstance(kinds, str) else kinds
        is_bool = isinstance(value, bool)
        ok = any(
            isinstance(value, TYPES[name]) and (name == "boolean" or not is_bool)
            for name in names
        )
        if not ok:
            return [f"{at}: expected {names}, got {type(value).__name__}"]
    if "const" in schema and value != schema["const"]:
        errors.append(f"{at}: expected {schema['const']!r}")

    if isinstance(value, dict):
        errors += [
            f"{at}: missing {key}"
            for key in schema.get("required", [])
            if key not in value
        ]
        known = schema.get("properties", {})
        extra = schema.get("additionalProperties", True)
        for key, item in value.items():
            if key in known:
                errors += schema_errors(item, known[key], root, f"{at}.{key}")
            elif extra is False:
                errors.append(f"{at}: unexpected key {key}")
            elif isinstance(extra, dict):
                errors += schema_errors(item, extra, root, f"{at}.{key}")
    if isinstance(value, list) and "items" in schema:
        for index, item in enumerate(value):
            errors += schema_errors(item, schema["items"], root, f"{at}[{index}]")
    return errors


@pytest.fixture
def study(tmp_path: Path) -> Path:
    target = tmp_path / FIXTURE.name
    shutil.copytree(FIXTURE, target)
    return target


def test_the_validator_catches_a_wrong_document() -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    bad = {"schema_version": 1, "study": 3, "plan": None, "snapshots": [{}]}

    errors = schema_errors(bad, schema, schema)

    assert "$: missing rollup" in errors
    assert any(e.startswith("$.study: expected") for e in errors)
    assert "$.snapshots[0]: missing quotes" in errors


def test_json_export_validates_against_the_documented_schema(study: Path) -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))

    data = json.loads(render(load_bundle(study, with_sources=False), "json").content)

    assert schema_errors(data, schema, schema) == []
    assert [s["participant_id"] for s in data["snapshots"]] == ["user-001", "user-002"]
    assert data["plan"]["hypotheses"][1]["number"] == 2


def test_json_export_merges_insight_and_evidence_of_one_quote(study: Path) -> None:
    data = json.loads(render(load_bundle(study, with_sources=False), "json").content)

    quotes = {q["quote"]: q for q in data["snapshots"][0]["quotes"]}
    deck = quotes[
        "Every Friday I rebuild the weekly status deck by hand from three exports."
    ]

    assert deck["type"] == "pain-point"
    assert deck["hypotheses"] == [{"number": "1", "stance": "supports"}]
    assert deck["timestamp"] == "00:00:06"


def test_json_export_through_the_cli_is_deterministic(
    study: Path, tmp_path: Path
) -> None:
    runner = CliRunner()
    outputs = []
    for name in ("a.json", "b.json"):
        out = tmp_path / name
        result = runner.invoke(
            cli,
            ["export", str(study), "--format", "json", "--out", str(out)],
            catch_exceptions=False,
        )
        assert result.exit_code == 0, result.output
        assert result.stdout.strip() == str(out)
        outputs.append(out.read_bytes())

    assert outputs[0] == outputs[1]
    assert str(tmp_path) not in outputs[0].decode("utf-8")


def test_example_study_json_validates_and_carries_the_rollup(
    example_study: Path,
) -> None:
    if not any((example_study / "interviews").glob("*.md")):
        pytest.skip("the example study has no snapshots yet")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))

    data = json.loads(
        render(load_bundle(example_study, with_sources=False), "json").content
    )

    assert schema_errors(data, schema, schema) == []
    assert data["rollup"]["interviews"] == len(data["snapshots"]) >= 2
    assert [h["number"] for h in data["rollup"]["hypotheses"]] == [1, 2, 3, 4]
