"""Output formats beyond the plain text and JSON of `bot/output.py`.

`markup`: how a reply is written in each forum markup (Markdown, BBCode, HTML), with escaping;
`claimreview`: schema.org ClaimReview JSON-LD; `report`: the HTML report for moderators;
`post`: a checked post with what the forum says about it (number, author, address);
`explain`: a claim's statement in one line and how it was found and decided, for every output.
"""

# The --format choices, here rather than in bot/output.py so that the command line can offer
# them without importing the pipeline behind the output.
FORMATS = ("text", "markdown", "bbcode", "json", "claimreview", "html")
