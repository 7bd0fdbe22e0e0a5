import json

from bot.cli import main


def test_scan__one_output_line_per_input_line_in_order(tmp_path, capsys):
    posts = tmp_path / "posts.jsonl"
    posts.write_text(
        "\n".join(
            [
                json.dumps({"id": "p1", "text": "Azerbaijan is in NATO"}),
                json.dumps({"id": "p2", "text": "The weather in Baku is lovely"}),
                "{not json",
                json.dumps({"id": "p4", "text": "Sweden is not in NATO"}),
                json.dumps(["a list"]),
                json.dumps({"id": 6, "text": "Is Azerbaijan in NATO?"}),
            ]
        )
        + "\n"
    )
    out_path = tmp_path / "out.jsonl"
    code = main(["scan", str(posts), "-o", str(out_path)])
    err = capsys.readouterr().err
    lines = [json.loads(line) for line in out_path.read_text().splitlines()]
    assert code == 1  # malformed lines are reported, the others still checked
    assert [line["id"] for line in lines] == ["p1", "p2", None, "p4", None, 6]
    assert lines[0]["claims"][0]["verdict"] == "false"
    assert lines[1]["claims"] == []
    assert lines[2] == {"id": None, "line": 3, "error": lines[2]["error"]}
    assert lines[3]["claims"][0]["verdict"] == "false"
    assert lines[5]["claims"][0]["modality"] == "question"
    assert "line 3: not valid JSON" in err
    assert "line 5: not a JSON object" in err


def test_scan__to_stdout(tmp_path, capsys):
    posts = tmp_path / "posts.jsonl"
    posts.write_text(json.dumps({"id": "a", "text": "Finland joined NATO in 2022."}) + "\n")
    assert main(["scan", str(posts)]) == 0
    (line,) = capsys.readouterr().out.splitlines()
    assert json.loads(line)["claims"][0]["verdict"] == "false"
