"""Each reader on a small fixture written for it, plus the edge cases."""

from __future__ import annotations

from pathlib import Path

import pytest

from research_tool.model import Transcript
from research_tool.transcripts import FORMATS, read_transcript, read_transcript_bytes

FIXTURES = Path(__file__).parent / "fixtures" / "transcripts"

# file -> (format, [(speaker, role, start, text)])
EXPECTED = {
    "zoom.vtt": (
        "zoom-vtt",
        [
            ("Dana Whitfield", "interviewer", 250.25, "How do you export the report?"),
            (
                "Priya Shah",
                "participant",
                254.1,
                "We export it every Friday. Then I paste it into a sheet.",
            ),
            ("Dana Whitfield", "interviewer", 259.0, "Why a sheet?"),
        ],
    ),
    "teams.vtt": (
        "teams-vtt",
        [
            ("Dana Whitfield", "interviewer", 4.12, "How do you track renewals?"),
            ("Priya Shah", "participant", 8.0, "In a spreadsheet, honestly."),
        ],
    ),
    "captions.vtt": (
        "vtt-captions",
        [
            (
                "Unknown speaker",
                "unknown",
                1.0,
                "so we export it every Friday and then paste it into a sheet",
            )
        ],
    ),
    "sample.srt": (
        "srt",
        [
            (
                "Dana Whitfield",
                "interviewer",
                65.12,
                "How do you track renewals today?",
            ),
            (
                "Priya Shah",
                "participant",
                68.5,
                "Mostly in a spreadsheet that I update every Friday.",
            ),
        ],
    ),
    "zoom-captions.txt": (
        "zoom-captions-txt",
        [
            ("Dana Whitfield", "interviewer", 0.0, "How do you track renewals?"),
            ("Priya Shah", "participant", 8.0, "In a spreadsheet."),
            ("Dana Whitfield", "interviewer", 32.0, "Why?"),
        ],
    ),
    "otter.txt": (
        "otter-txt",
        [
            ("Dana Whitfield", "interviewer", 1.0, "How do you track renewals?"),
            (
                "Priya Shah",
                "participant",
                5.0,
                "In a spreadsheet that I update every Friday.",
            ),
            ("Dana Whitfield", "interviewer", 62.0, "Why Friday?"),
        ],
    ),
    "rev.txt": (
        "rev-txt",
        [
            ("Speaker 1", "interviewer", 0.0, "How do you track renewals?"),
            ("Speaker 2", "participant", 4.0, "In a spreadsheet. Every Friday."),
            ("Speaker 1", "interviewer", 70.0, "Why Friday?"),
        ],
    ),
    "meet.txt": (
        "meet-txt",
        [
            ("Dana Whitfield", "interviewer", 0.0, "How do you track renewals?"),
            ("Priya Shah", "participant", None, "In a spreadsheet."),
            ("Dana Whitfield", "interviewer", 300.0, "Why Friday?"),
            ("Priya Shah", "participant", None, "Because the report lands then."),
        ],
    ),
    "plain.txt": (
        "plain-txt",
        [
            (
                "Interviewer",
                "interviewer",
                None,
                "How do you track renewals? See https://example.test/guide for "
                "the guide.",
            ),
            (
                "P3",
                "participant",
                None,
                "In a spreadsheet. 10:30 Meeting: weekly sync with the team.",
            ),
            ("Interviewer", "interviewer", 754.0, "Why a spreadsheet?"),
            ("P3", "participant", None, "It is quick."),
        ],
    ),
    "markdown.md": (
        "markdown",
        [
            ("Interviewer", "interviewer", None, "How do you track renewals?"),
            (
                "P3",
                "participant",
                42.0,
                "In a spreadsheet. It is quick, and everyone can open it.",
            ),
            ("Interviewer", "interviewer", 75.0, "Why Friday?"),
        ],
    ),
    "sample.csv": (
        "csv",
        [
            ("Dana Whitfield", "interviewer", 5.0, "How do you track renewals?"),
            (
                "Priya Shah",
                "participant",
                None,
                "In a spreadsheet, mostly. Every Friday.",
            ),
            ("Dana Whitfield", "interviewer", 70.0, "Why Friday?"),
        ],
    ),
}


def _summary(transcript: Transcript) -> list[tuple[object, ...]]:
    return [(t.speaker, t.role, t.start, t.text) for t in transcript.turns]


def assert_offsets(transcript: Transcript) -> None:
    """Each turn's first word sits at its offset in the transcript's text."""
    for turn in transcript.turns:
        first = turn.text.split()[0]
        assert turn.offset >= 0
        assert transcript.text[turn.offset :].startswith(first), turn


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_reader_fixture(name: str) -> None:
    transcript = read_transcript(FIXTURES / name)

    fmt, turns = EXPECTED[name]
    assert transcript.format == fmt
    assert _summary(transcript) == turns
    assert_offsets(transcript)


def test_every_fixture_has_an_expectation() -> None:
    assert sorted(p.name for p in FIXTURES.iterdir() if p.suffix != ".py") == sorted(
        EXPECTED
    )


def test_every_text_format_is_covered_by_a_fixture() -> None:
    covered = {fmt for fmt, _ in EXPECTED.values()}
    text_formats = {n for n in FORMATS if not n.endswith(("-docx", "pdf"))}
    assert text_formats == covered


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_forced_format_gives_the_same_turns(name: str) -> None:
    fmt, _ = EXPECTED[name]
    detected = read_transcript(FIXTURES / name)
    forced = read_transcript(FIXTURES / name, format=fmt)
    assert _summary(forced) == _summary(detected)


@pytest.mark.parametrize(
    ("prefix", "codec", "encoding", "guessed"),
    [
        (b"\xef\xbb\xbf", "utf-8", "utf-8", False),
        (b"\xff\xfe", "utf-16-le", "utf-16", False),
        (b"\xfe\xff", "utf-16-be", "utf-16", False),
        (b"", "utf-16-le", "utf-16", True),
    ],
)
def test_byte_order_marks_and_utf16(
    prefix: bytes, codec: str, encoding: str, guessed: bool
) -> None:
    raw = (FIXTURES / "zoom.vtt").read_text(encoding="utf-8")
    transcript = read_transcript_bytes(Path("x.vtt"), prefix + raw.encode(codec))

    assert (transcript.encoding, transcript.encoding_guessed) == (encoding, guessed)
    assert transcript.text == raw
    assert transcript.format == "zoom-vtt"
    assert_offsets(transcript)


def test_crlf_and_missing_final_newline_give_the_same_turns() -> None:
    raw = (FIXTURES / "sample.srt").read_text(encoding="utf-8")
    crlf = raw.rstrip("\n").replace("\n", "\r\n").encode()

    transcript = read_transcript_bytes(Path("x.srt"), crlf)
    assert "\r" not in transcript.text
    assert _summary(transcript) == _summary(read_transcript(FIXTURES / "sample.srt"))
    assert_offsets(transcript)


def test_latin1_is_guessed_and_said() -> None:
    data = "Dana: Où est le café ?\nRenée: Là-bas.\n".encode("latin-1")
    transcript = read_transcript_bytes(Path("x.txt"), data)

    assert transcript.encoding_guessed
    assert transcript.turns[1].speaker == "Renée"
    assert transcript.turns[0].text == "Où est le café ?"


def test_hourless_times_and_empty_cues() -> None:
    data = (
        b"WEBVTT\n\n04:10.250 --> 04:13.900\nAna: Hello.\n\n04:14.000 --> 04:15.000\n\n"
    )
    transcript = read_transcript_bytes(Path("x.vtt"), data)

    assert [(t.speaker, t.start, t.end) for t in transcript.turns] == [
        ("Ana", 250.25, 253.9)
    ]


def test_teams_vtt_without_closing_voice_tag_and_untagged_outro() -> None:
    data = (
        b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Ana Lima>Hi there\n\n"
        b"00:00:02.000 --> 00:00:03.000\n<v.loud Ben Ode>Hello</v>\n\n"
        b"00:00:09.000 --> 00:00:10.000\nla la la\n"
    )
    transcript = read_transcript_bytes(Path("x.vtt"), data)

    assert [(t.speaker, t.role, t.text) for t in transcript.turns][-1] == (
        "Unknown speaker",
        "unknown",
        "la la la",
    )
    assert [t.speaker for t in transcript.turns[:2]] == ["Ana Lima", "Ben Ode"]


def test_detection_is_by_content_not_extension() -> None:
    data = (FIXTURES / "otter.txt").read_bytes()
    assert read_transcript_bytes(Path("x.vtt"), data).format == "otter-txt"


def test_zoom_captions_past_midnight_keep_counting() -> None:
    data = b"[Ana] 23:59:50\nLate call.\n\n[Ben] 00:00:10\nIndeed.\n"
    transcript = read_transcript_bytes(Path("x.txt"), data)
    assert [t.start for t in transcript.turns] == [0.0, 20.0]


def test_older_teams_time_ranges() -> None:
    data = (
        b"Ana Lima  00:00:04.120 --> 00:00:07.900\nHow do you work?\n\n"
        b"Ben Ode  00:00:08.000 --> 00:00:12.000\nIn a sheet.\n"
    )
    transcript = read_transcript_bytes(Path("x.txt"), data)
    assert [(t.speaker, t.start, t.end) for t in transcript.turns] == [
        ("Ana Lima", 4.12, 7.9),
        ("Ben Ode", 8.0, 12.0),
    ]


def test_rev_text_on_the_header_line() -> None:
    data = b"Speaker 1 (00:00): How?\n\nSpeaker 2 (00:03): Like this.\n"
    transcript = read_transcript_bytes(Path("x.txt"), data)
    assert transcript.format == "rev-txt"
    assert [t.text for t in transcript.turns] == ["How?", "Like this."]
    assert_offsets(transcript)


def test_meet_notes_without_transcript_heading_are_not_speech() -> None:
    data = (
        b"00:00:00\nAna Lima: Shall we start?\nBen Ode: Yes.\n"
        b"Summary\nBen said yes to everything.\n"
        b"00:05:00\nAna Lima: Next question?\n"
    )
    transcript = read_transcript_bytes(Path("x.txt"), data)
    texts = " ".join(t.text for t in transcript.turns)
    assert transcript.format == "meet-txt"
    assert "everything" not in texts
    assert [t.text for t in transcript.turns][-1] == "Next question?"


def test_teams_cue_with_two_voices_is_split() -> None:
    data = (
        b"WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n"
        b"<v Ana Lima>Is it weekly?</v>\n<v Ben Ode><i>Every</i> week.</v>\n"
    )
    transcript = read_transcript_bytes(Path("x.vtt"), data)
    assert [(t.speaker, t.text) for t in transcript.turns] == [
        ("Ana Lima", "Is it weekly?"),
        ("Ben Ode", "Every week."),
    ]
    assert transcript.text[transcript.turns[1].offset :].startswith("<i>Every")


def test_export_footers_are_not_speech() -> None:
    otter = b"Ana Lima  0:01\nHello?\n\nBen Ode  0:04\nHi.\n\nTranscribed by https://otter.ai\n"
    meet = (
        b"Transcript\n00:00:00\nAna Lima: Hello?\nBen Ode: Hi.\n"
        b"Transcription ended after 00:00:10\n\n"
        b"This editable transcript was computer generated and might contain errors.\n"
    )
    for data in (otter, meet):
        transcript = read_transcript_bytes(Path("x.txt"), data)
        assert [t.text for t in transcript.turns] == ["Hello?", "Hi."]


def test_csv_times_in_plain_seconds() -> None:
    data = b"speaker,text,start,end\nAna,Hello?,1.5,3\nBen,Hi.,3.25,4\n"
    transcript = read_transcript_bytes(Path("x.csv"), data)
    assert [(t.start, t.end) for t in transcript.turns] == [(1.5, 3.0), (3.25, 4.0)]


def test_zoom_names_in_lower_case_once_they_recur() -> None:
    data = (
        b"WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\ndana w (she/her): How so?\n\n"
        b"2\n00:00:02.000 --> 00:00:04.000\nKrista Halvorsen: It goes like this:\n\n"
        b"3\n00:00:04.000 --> 00:00:05.000\nstep one: export it.\n\n"
        b"4\n00:00:05.000 --> 00:00:06.000\ndana w (she/her): And then?\n"
    )
    transcript = read_transcript_bytes(Path("x.vtt"), data)
    assert transcript.format == "zoom-vtt"
    assert [(t.speaker, t.text) for t in transcript.turns] == [
        ("dana w (she/her)", "How so?"),
        ("Krista Halvorsen", "It goes like this: step one: export it."),
        ("dana w (she/her)", "And then?"),
    ]


def test_docstring_examples() -> None:
    import doctest

    import research_tool.transcripts

    assert doctest.testmod(research_tool.transcripts).failed == 0
