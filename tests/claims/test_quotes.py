from claims.quotes import strip_quotes


def test_strip_quotes__markdown_lines():
    text = "> Azerbaijan is in NATO\nNo it isn't."
    assert strip_quotes(text).strip() == "No it isn't."


def test_strip_quotes__bbcode_nested():
    text = '[quote="a"]x [quote]Azerbaijan is in NATO[/quote] y[/quote] mine'
    assert strip_quotes(text).strip() == "mine"


def test_strip_quotes__html_blockquote():
    text = "<blockquote><p>Israel is in NATO</p></blockquote><p>Wrong.</p>"
    assert "Israel" not in strip_quotes(text)


def test_strip_quotes__keeps_offsets():
    text = "> quoted\nown words"
    assert len(strip_quotes(text)) == len(text)


def test_strip_quotes__leaves_plain_text_alone():
    text = "Sweden joined NATO in 2024 > 2023"
    assert strip_quotes(text) == text
