"""Output formats beyond the plain text and JSON of `bot/output.py`.

`markup`: how a reply is written in each forum markup (Markdown, BBCode, HTML), with escaping;
`claimreview`: schema.org ClaimReview JSON-LD; `report`: the HTML report for moderators;
`post`: a checked post with what the forum says about it (number, author, address);
`explain`: a claim's statement in one line and how it was found and decided, for every output.
"""
