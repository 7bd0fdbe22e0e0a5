"""The issue's acceptance table, run through the real command-line entry point."""

import json

import pytest

from bot.cli import main


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys, text):
    code, out, err = run(capsys, "--format", "json", text)
    assert code == 0, err
    return json.loads(out)


def test_check__azerbaijan_in_nato_is_false_with_sources_and_a_reply(capsys):
    result = run_json(capsys, "Azerbaijan is in NATO")
    (claim,) = result["claims"]
    assert claim["verdict"] == "false"
    assert claim["subject"] == {"id": "AZE", "name": "Azerbaijan"}
    assert claim["object"] == {"id": "nato", "name": "NATO"}
    assert "32 members" in claim["evidence"][0]["fact"]
    assert claim["evidence"][0]["sources"][0]["url"].startswith("http")
    assert "Partnership for Peace since 4 May 1994" in result["reply"]


def test_check__negated_true_claim_gets_no_reply(capsys):
    result = run_json(capsys, "Azerbaijan is not a NATO member.")
    assert [c["verdict"] for c in result["claims"]] == ["true"]
    assert result["reply"] is None


def test_check__question_gets_no_verdict_and_no_reply(capsys):
    result = run_json(capsys, "Is Azerbaijan in NATO?")
    (claim,) = result["claims"]
    assert claim["modality"] == "question"
    assert claim["verdict"] is None
    assert result["reply"] is None


def test_check__wrong_year_gives_the_real_date(capsys):
    result = run_json(capsys, "Finland joined NATO in 2022.")
    (claim,) = result["claims"]
    assert claim["verdict"] == "false"
    assert claim["year"] == 2022
    assert "4 April 2023" in claim["evidence"][0]["fact"]


def test_check__sweden_not_in_nato_is_false(capsys):
    result = run_json(capsys, "Sweden is not in NATO")
    (claim,) = result["claims"]
    assert claim["verdict"] == "false"
    assert "7 March 2024" in claim["evidence"][0]["fact"]


def test_check__georgia_in_csto_is_outdated(capsys):
    (claim,) = run_json(capsys, "Georgia is in the CSTO")["claims"]
    assert claim["verdict"] in ("false", "outdated")
    assert "1999" in claim["evidence"][0]["fact"]


def test_check__no_claim_exits_zero(capsys):
    code, out, err = run(capsys, "The weather in Baku is lovely")
    assert code == 0
    assert "No alliance claim found." in out


def test_check__json_has_exactly_the_contract_keys(capsys):
    result = run_json(capsys, "Azerbaijan is in NATO")
    assert set(result) == {"id", "claims", "reply"}
    assert set(result["claims"][0]) == {
        "text", "subject", "relation", "object", "negated", "modality", "year",
        "verdict", "confidence", "explanation", "evidence",
    }


def test_check__stdin(capsys, monkeypatch):
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Sweden is not in NATO\n")))
    code, out, _ = run(capsys, "--format", "json", "-")
    assert code == 0
    assert json.loads(out)["claims"][0]["verdict"] == "false"


def test_check__markdown_prints_the_reply(capsys):
    code, out, _ = run(capsys, "--format", "markdown", "Azerbaijan is in NATO")
    assert code == 0
    assert out.startswith("> Azerbaijan is in NATO")


def test_check__explain_names_the_extractor_and_pattern(capsys):
    code, out, _ = run(capsys, "--explain", "Azerbaijan is in NATO")
    assert "member_of extractor (path: be → in)" in out


def test_check__output_is_byte_identical_across_runs(capsys):
    first = run(capsys, "--format", "json", "Azerbaijan is in NATO. Armenia is a CSTO member.")
    second = run(capsys, "--format", "json", "Azerbaijan is in NATO. Armenia is a CSTO member.")
    assert first == second


# --- user mistakes: one line, non-zero exit, never a traceback --------------------------------


@pytest.mark.parametrize(
    "argv, message",
    [
        ([], "give the text to check"),
        (["--format", "yaml", "x"], "invalid choice: 'yaml'"),
        (["--bogus", "x"], "unrecognized arguments: --bogus"),
        (["scan"], "the following arguments are required: input"),
        (["scan", "/nonexistent/posts.jsonl"], "no such file"),
        (["kb", "show"], "kb show needs a state"),
        (["kb", "show", "Atlantis"], "no state, organisation or treaty"),
        (["--config", "/nonexistent.toml", "x"], "does not exist"),
    ],
)
def test_cli__mistakes_are_one_line(capsys, argv, message):
    code, out, err = run(capsys, *argv)
    assert code != 0
    assert message in err
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_cli__bad_config_key_names_file_and_key(capsys, tmp_path):
    config = tmp_path / "factcheck.toml"
    config.write_text("[nlp]\nmodle = 'x'\n")
    code, _, err = run(capsys, "--config", str(config), "Azerbaijan is in NATO")
    assert code == 1
    assert str(config) in err and "nlp.modle" in err
    assert "line 2" in err and "$FACTCHECK_CONFIG" in err and "\n" not in err.strip()


@pytest.mark.parametrize(
    "content, key, line",
    [
        ("[reply]\nfooter = 'x'\n\n[nlp]\nmax_chars = -3\n", "nlp.max_chars", 5),
        ("[fetch]\ntimeout_s = 'soon'\n", "fetch.timeout_s", 2),
        ("[[sources]]\nurl = 'https://forum.example.org'\n", "sources.0.kind", 1),  # missing: the table's line
    ],
)
def test_cli__config_error_names_key_file_and_line(capsys, tmp_path, content, key, line):
    config = tmp_path / "factcheck.toml"
    config.write_text(content)
    code, _, err = run(capsys, "--config", str(config), "Azerbaijan is in NATO")
    assert code == 1
    assert f"{config}, line {line}: key '{key}'" in err


def test_cli__version(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert capsys.readouterr().out.startswith("factcheck ")


def test_cli__help_has_examples(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert 'factcheck "Azerbaijan is in NATO"' in out


@pytest.mark.parametrize(
    "text, verdict",
    [
        ("Armenia is in the CSTO.", "misleading"),
        # the writer states the limit: true as written, no pedantic correction
        ("Armenia is still technically in the CSTO but has frozen its participation.", "true"),
        ("Turkey is still an EU candidate on paper.", "true"),
    ],
)
def test_check__a_limit_the_writer_states_is_not_corrected(capsys, text, verdict):
    code, out, _ = run(capsys, "--format", "json", text)
    assert code == 0
    assert [c["verdict"] for c in json.loads(out)["claims"]] == [verdict]
