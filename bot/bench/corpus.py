"""A seeded, forum-like corpus for the benchmark: `{"id": ..., "text": ...}` per line.

    ~70% chit-chat (no state, a few with "alliance" or "treaty" in another sense)
    ~25% states named in other contexts (travel, sport, prices, "Atlanta, Georgia", "Turkish
         coffee"); some name an organisation or a treaty without claiming anything
    ~ 5% alliance sentences among other sentences: assertions, negations, questions, years,
         pacts, quoted claims

Posts are assembled from several sentences, each filled with random words, names, numbers and
user names, so exact repeats are rare, as on a real forum: a cache of whole texts cannot flatter
the figures. The same seed gives the same corpus, byte for byte, on every machine (only
`random.Random` with integer arguments is used).
"""

from __future__ import annotations

import json
import random
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ALLIANCE_SHARE, STATES_SHARE = 0.05, 0.25
# Of the posts naming states elsewhere, those that also name an organisation; of the chit-chat,
# those with "alliance" or "treaty" in another sense.
DECOY_SHARE, KEYWORD_SHARE = 0.2, 0.03

STATES = (
    "Azerbaijan", "Turkey", "Armenia", "Georgia", "Finland", "Sweden", "Norway", "Ukraine", "Russia",
    "Belarus", "Kazakhstan", "Kyrgyzstan", "Israel", "Japan", "Australia", "Pakistan", "India", "Iran",
    "Serbia", "Moldova", "Austria", "Switzerland", "Ireland", "Mexico", "Brazil", "Egypt", "Somalia",
    "the United States", "the US", "France", "Germany", "Poland", "Hungary", "Mongolia", "China",
    "South Korea", "the Philippines", "Qatar", "Saudi Arabia", "Canada", "New Zealand", "Estonia",
    "Latvia", "Lithuania", "Greece", "Cyprus", "Malta", "Iceland", "Denmark", "Tajikistan",
)
CAPITALS = ("Baku", "Ankara", "Yerevan", "Tbilisi", "Helsinki", "Stockholm", "Kyiv", "Moscow", "Minsk",
            "Astana", "Tokyo", "Canberra", "Islamabad", "Tehran", "Belgrade", "Vienna", "Dublin")
ORGANISATIONS = ("NATO", "the EU", "the CSTO", "the SCO", "the Partnership for Peace", "ASEAN", "the African Union",
                 "the Arab League", "the GCC", "AUKUS", "the Quad", "the CIS", "ANZUS", "the Warsaw Pact")
# Written before a noun: "the NATO summit".
ACRONYMS = ("NATO", "EU", "CSTO", "SCO", "ASEAN", "GCC", "AUKUS", "CIS")
DEMONYMS = ("Turkish", "Azerbaijani", "Armenian", "Georgian", "Finnish", "Swedish", "Russian", "Japanese", "Polish")

NOUNS = ("game", "patch", "update", "thread", "recipe", "car", "bike", "phone", "laptop", "camera", "garden",
         "movie", "series", "album", "book", "keyboard", "monitor", "router", "printer", "kitchen", "roof",
         "boiler", "dog", "cat", "forum", "server", "mod", "build", "engine", "tyre", "battery", "lens",
         "guitar", "amp", "sofa", "desk", "chair", "jacket", "boots", "tent", "stove", "drill", "ladder")
ADJECTIVES = ("great", "terrible", "overpriced", "solid", "weird", "buggy", "slow", "fast", "decent", "awful",
              "amazing", "noisy", "reliable", "fragile", "cheap", "confusing", "underrated", "overrated")
VERBS = ("bought", "fixed", "broke", "tested", "returned", "sold", "built", "upgraded", "painted", "cleaned")
TIMES = ("week", "month", "year", "weekend", "summer", "winter", "night", "Tuesday", "Friday")
RELATIVES = ("brother", "sister", "uncle", "aunt", "cousin", "neighbour", "boss", "friend", "dad", "mum")
PRODUCTS = ("tea", "coffee", "carpets", "wine", "cheese", "steel", "cotton", "gas", "oil", "wheat", "olives")
SPORTS = ("football", "ice hockey", "basketball", "volleyball", "wrestling", "chess", "handball")
USERS = ("mike", "anna", "kaz", "old_tom", "jen", "raf", "dmitri", "lea", "sam", "bo", "nika", "ozzy")

CHATTER = (
    "I think the {noun} in this {noun2} is {adj}.",
    "Has anyone tried the new {noun}? Mine arrived {adj} after {n} days.",
    "Thanks for the tip, @{user}, the {noun} works now.",
    "Last {time} my {relative} {verb} a {noun} for {n} dollars and it was {adj}.",
    "Honestly the {noun} is {adj}, but the {noun2} is worse.",
    "Can someone explain why the {noun} keeps restarting every {n} minutes?",
    "lol same here, my {noun} did that too",
    "I {verb} the {noun} again and now the {noun2} makes a {adj} noise.",
    "Version {n}.{m} of the {noun} fixed it for me.",
    "Moving this thread to the {noun} section, please read the rules first.",
    "My {relative} says the {noun} is {adj}; I say it is {adj2}.",
    "Anyone else waiting {n} weeks for a {noun} delivery?",
    "The {noun} costs {n} euros now, it was {m} last {time}.",
    "Off topic, but the {noun} thread from {user} is worth a read: https://forum.example.org/t/{n}",
)
# Words the prefilter looks for, in another sense.
KEYWORD_CHATTER = (
    "Our guild formed an alliance with {user}'s clan for the raid on {time}.",
    "The peace treaty in that {noun} campaign is {adj}, the AI always breaks it.",
    "The Rebel Alliance had better {noun}s than the Empire, fight me.",
)
ELSEWHERE = (
    "I spent {n} days in {state} last {time} and the food was {adj}.",
    "The {state} national {sport} team lost {n}-{m} yesterday.",
    "Prices for {product} from {state} went up {n}% this year.",
    "Flights from {capital} to {capital2} are {adj} right now.",
    "My {relative} moved to {state} for work and loves it.",
    "{demonym} {product} is {adj}, try it if you can.",
    "I live near Atlanta, Georgia and the summers are {adj}.",
    "Does anyone know a good {noun} shop in {capital}?",
    "{state} and {state2} drew {n}-{n} in the {sport} final.",
    "The exchange rate in {state} made the {noun} {adj} for us.",
)
# Organisations and treaties named without any claim about a state's ties.
DECOYS = (
    "The {acronym} summit made the traffic in {capital} {adj} for a {time}.",
    "{acronym} statistics say {state} imports {n} tonnes of {product} a {time}.",
    "A documentary about {state} and the {org} was {adj}, {n} stars.",
    "The treaty of {capital} is a {adj} board game, we played it {n} times.",
)
ALLIANCE = (
    "{state} is in {org}.",
    "{state} is not a member of {org}.",
    "{state} joined {org} in {year}.",
    "{state} isn't in {org} but it is in {org2}.",
    "Is {state} in {org}?",
    "If {state} joined {org}, {state2} would be furious.",
    "{state} and {state2} have a mutual defence pact.",
    "{state} signed a defence cooperation agreement with {state2} in {year}.",
    "{state} applied to join {org}.",
    "My {relative} says {state} is in {org}, but I doubt it.",
    "{state} left {org} years ago.",
    "{state} has been an {org} partner since {year}.",
    "{state} is obliged to defend {state2} under their treaty.",
    "{state} never joined {org}, whatever {user} says.",
    "The {demonym} government is an ally of {state}.",
    "{state} has a strong army. It joined {org} in {year}.",
)


@dataclass(frozen=True)
class Written:
    posts: int
    bytes: int
    kinds: dict[str, int]  # chatter, elsewhere, alliance
    repeats: int  # posts whose text an earlier post already had


def generate(posts: int = 100_000, seed: int = 8) -> Iterator[dict]:
    """`posts` records {"id": "p0000001", "text": ...}, the same for the same seed."""
    for _, record in _records(posts, seed):
        yield record


def write(path: Path, posts: int = 100_000, seed: int = 8) -> Written:
    """Write the corpus as JSONL."""
    kinds: Counter = Counter()
    seen, repeats = set(), 0
    with open(path, "w", encoding="utf-8") as out:
        for kind, record in _records(posts, seed):
            kinds[kind] += 1
            digest = hash(record["text"])
            repeats += digest in seen
            seen.add(digest)
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return Written(posts, path.stat().st_size, dict(kinds), repeats)


def _records(posts: int, seed: int) -> Iterator[tuple[str, dict]]:
    rng = random.Random(seed)
    for number in range(1, posts + 1):
        roll = rng.random()
        kind = "alliance" if roll < ALLIANCE_SHARE else "elsewhere" if roll < ALLIANCE_SHARE + STATES_SHARE else "chatter"
        yield kind, {"id": f"p{number:07d}", "text": _post(rng, kind)}


def _post(rng: random.Random, kind: str) -> str:
    sentences = [_fill(rng, rng.choice(CHATTER)) for _ in range(rng.randint(2, 7))]
    if kind == "elsewhere":
        for _ in range(rng.randint(1, 2)):
            sentences.insert(rng.randint(0, len(sentences)), _fill(rng, rng.choice(ELSEWHERE)))
        if rng.random() < DECOY_SHARE:
            sentences.insert(rng.randint(0, len(sentences)), _fill(rng, rng.choice(DECOYS)))
    elif kind == "chatter" and rng.random() < KEYWORD_SHARE:
        sentences.insert(rng.randint(0, len(sentences)), _fill(rng, rng.choice(KEYWORD_CHATTER)))
    elif kind == "alliance":
        claim = _fill(rng, rng.choice(ALLIANCE))
        if rng.random() < 0.1:
            claim = f"> {claim}\n\nNo, that is wrong."  # someone else's words, quoted
        sentences.insert(rng.randint(0, len(sentences)), claim)
    paragraphs, current = [], []
    for sentence in sentences:
        current.append(sentence)
        if rng.random() < 0.25:
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return "\n\n".join(paragraphs)


def _fill(rng: random.Random, template: str) -> str:
    text = template.format_map(_Slots(rng))
    return text[0].upper() + text[1:]


class _Slots(dict):
    """Each slot drawn when the template asks for it; a slot ending in 2 differs from its first."""

    CHOICES = {
        "state": STATES, "org": ORGANISATIONS, "capital": CAPITALS, "noun": NOUNS, "adj": ADJECTIVES,
        "acronym": ACRONYMS, "demonym": DEMONYMS, "verb": VERBS, "time": TIMES, "relative": RELATIVES,
        "product": PRODUCTS, "sport": SPORTS, "user": USERS,
    }
    NUMBERS = {"n": (2, 99), "m": (0, 99), "year": (1949, 2025)}

    def __init__(self, rng: random.Random):
        super().__init__()
        self.rng = rng

    def __missing__(self, key: str) -> str:
        if key in self.NUMBERS:
            value = str(self.rng.randint(*self.NUMBERS[key]))
        elif key.endswith("2"):
            first = self[key[:-1]]
            value = self.rng.choice([c for c in self.CHOICES[key[:-1]] if c != first])
        else:
            value = self.rng.choice(self.CHOICES[key])
        self[key] = value
        return value
