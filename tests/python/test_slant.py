"""The Python package: offsets in code points, streaming, errors, analyze_many."""

import pathlib
import subprocess
import sys

import pytest

import slant

ROOT = pathlib.Path(__file__).resolve().parents[2]
SAMPLE = (ROOT / "web" / "sample.txt").read_text(encoding="utf-8")
NON_ASCII = (
    "Élodie Dupont 😀 met officials in Beijing on Monday. "
    "Critics called Senator Jane Doe a notorious liar 🎉, and she “denied” it. "
    "习近平 visited Paris; the so-called “reformer” Jean-Pierre Müller boasted about it.\n"
)


def spans(analysis):
    """Every (start, end, text) span of an analysis."""
    for s in analysis["sentences"]:
        yield s
    for e in analysis["entities"]:
        yield from e["mentions"]
        yield from e["framing"]["context"]["words"]
    yield from analysis["cues"]


def report_spans(report):
    yield report["sentence"]
    yield from report["mentions"]
    yield from report["cues"]


@pytest.mark.parametrize("text", [NON_ASCII, SAMPLE, "", "é" * 5, "😀 Jane Doe lied. " * 3])
def test_offsets_are_str_indices(text):
    analysis = slant.analyze(text)
    checked = 0
    for span in spans(analysis):
        assert text[span["start"] : span["end"]] == span["text"]
        checked += 1
    if text.strip():
        assert checked > 0


def test_non_ascii_text_has_mentions_and_cues():
    analysis = slant.analyze(NON_ASCII)
    names = {e["name"] for e in analysis["entities"]}
    assert "Jane Doe" in names
    assert analysis["cues"]


@pytest.mark.parametrize("chunk_size", [1, 7, 100, 10_000])
@pytest.mark.parametrize("text", [NON_ASCII, SAMPLE])
def test_streaming_equals_whole(text, chunk_size):
    analyzer = slant.Analyzer()
    reports = []
    for i in range(0, len(text), chunk_size):
        reports.extend(analyzer.feed(text[i : i + chunk_size]))
    whole = analyzer.finish()
    assert whole == slant.analyze(text)
    # Every final sentence came out once, with offsets into the whole text.
    assert [r["sentence"] for r in reports] == whole["sentences"][: len(reports)]
    for report in reports:
        for span in report_spans(report):
            assert text[span["start"] : span["end"]] == span["text"]


def test_finished_analyzer_raises():
    analyzer = slant.Analyzer()
    analyzer.feed("Jane Doe spoke.")
    analyzer.finish()
    with pytest.raises(RuntimeError):
        analyzer.feed("More.")
    with pytest.raises(RuntimeError):
        analyzer.finish()


def test_errors_are_python_exceptions():
    with pytest.raises(TypeError):
        slant.analyze(3)
    with pytest.raises(TypeError):
        slant.analyze(b"bytes")
    with pytest.raises(TypeError):
        slant.analyze_many(["ok", 3])
    with pytest.raises(TypeError):
        slant.Analyzer().feed(None)
    with pytest.raises(ValueError):
        slant.analyze("text", max_sentence_bytes=63)
    with pytest.raises(ValueError):
        slant.Analyzer(max_sentence_bytes=0)
    with pytest.raises(ValueError):
        slant.analyze_many(["text"], jobs=0)
    with pytest.raises(UnicodeEncodeError):
        slant.analyze("lone surrogate \ud800")


def test_sentence_limit_is_applied():
    text = "word " * 40
    analysis = slant.analyze(text, max_sentence_bytes=64)
    assert len(analysis["sentences"]) > 1
    assert all(len(s["text"].encode()) <= 64 for s in analysis["sentences"])


@pytest.mark.parametrize("jobs", [None, 1, 2])
def test_analyze_many_equals_one_by_one(jobs):
    texts = [SAMPLE, NON_ASCII, "", "Critics mocked Bob Jones.", "It rained."] * 3
    assert slant.analyze_many(texts, jobs=jobs) == [slant.analyze(t) for t in texts]


def test_acceptance_command():
    code = (
        "import slant; a = slant.analyze(open('web/sample.txt').read()); "
        "print(a['entities'][a['summary']['most_negative']]['name'])"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "Xi Jinping"


def test_stubs_and_marker_ship():
    package = pathlib.Path(slant.__file__).parent
    assert (package / "py.typed").exists()
    assert (package / "__init__.pyi").exists()


def test_dicts_are_what_json_loads_makes_of_the_cli_json(tmp_path):
    """The dicts are built directly, not through JSON: they must still equal
    the CLI's JSON as json.loads reads it (floats included), offsets apart."""
    import json

    cli = ROOT / "target" / "release" / "slant"
    assert cli.exists(), "build the CLI first (just test-python does)"
    for text in [SAMPLE, NON_ASCII]:
        path = tmp_path / "article.txt"
        path.write_text(text, encoding="utf-8")
        out = subprocess.run([cli, "analyze", "--format", "json", path], capture_output=True, check=True)
        expected = json.loads(out.stdout)
        data = text.encode("utf-8")

        def code_points(at):
            return len(data[:at].decode("utf-8"))

        for span in spans(expected):
            span["start"], span["end"] = code_points(span["start"]), code_points(span["end"])
        assert slant.analyze(text) == expected
        assert any(isinstance(c["polarity"], float) for c in expected["cues"])
