"""Cue-word lexicons for modality and negation, kept as data.

These are general English, not tuned to any example: a claim under a reporting verb whose
speaker is not the writer is `reported`; under "if" or a modal it is `hypothetical`; under
"whether" or an inverted auxiliary it is a `question`.
"""

import re

# A year as forum writers give one: a token from 1900 to 2099.
YEAR = re.compile(r"^(19|20)\d\d$")

# Verbs and adjectives that attribute a content clause to a speaker: "X says that ...".
REPORTING = frozenset({
    "say", "claim", "insist", "think", "believe", "argue", "tell", "state", "report", "allege",
    "assert", "suggest", "maintain", "write", "post", "reckon", "feel", "suspect", "assume",
    "swear", "keep", "pretend", "imagine", "hear", "read", "mention", "announce", "repeat",
    "spread", "convinced", "sure", "certain", "convince",
})

# Words that mark a clause as rejected by the writer: "..., which is nonsense", "the myth that".
REJECTION = frozenset({
    "nonsense", "false", "wrong", "untrue", "lie", "myth", "rubbish", "fake", "misinformation",
    "disinformation", "propaganda", "incorrect", "bs", "bullshit", "garbage", "fiction",
    "misconception", "rumour", "rumor", "hoax", "conspiracy", "fantasy", "absurd", "ridiculous",
})

# Frames that open a question: "I wonder whether ...", "does anyone know if ...".
QUESTION_FRAMES = frozenset({"wonder", "ask", "know", "sure", "check", "unsure", "unclear", "curious", "question"})

# Frames that open a supposition: "suppose ...", "imagine ...".
SUPPOSITION = frozenset({"suppose", "imagine", "assume", "pretend", "say", "hypothesize", "consider"})

# Verbs that make a wish, plan or attempt of what follows: "wants to join NATO".
WISH = frozenset({
    "want", "hope", "wish", "plan", "intend", "aim", "expect", "like", "love", "go",
    "need", "dream", "push", "prepare", "threaten", "consider", "refuse", "decide", "fail",
})

# Auxiliaries that make a clause hypothetical or future.
MODAL_AUX = frozenset({"would", "could", "might", "may", "will", "shall", "should", "can", "must", "'d", "'ll", "wo", "ca"})

# Subordinators that make a clause conditional.
CONDITIONAL_MARKS = frozenset({"if", "unless", "suppose", "supposing", "assuming", "provided", "lest", "once"})
QUESTION_MARKS = frozenset({"whether"})

WH_WORDS = frozenset({"who", "what", "why", "how", "when", "where", "which", "whether"})

FIRST_PERSON = frozenset({"i", "we"})

# Light words allowed on the path between a state and an organisation: they carry no relation
# of their own ("is", "has been", "remains").
LIGHT_VERBS = frozenset({"be", "become", "remain", "stay", "have", "still", "officially", "technically", "one",
                         # "have a lot of defence cooperation"
                         "lot", "lots", "plenty", "bit"})
# Nouns that are neutral heads: "a NATO country", "a member state", "EU nation".
# "got EU candidate status", "was granted MNNA status", "holds observer status": the role is in
# what modifies "status"; these words carry nothing of their own when "status" is on the path.
STATUS_WORDS = frozenset({"status", "get", "gain", "receive", "obtain", "grant", "give", "award", "hold", "enjoy",
                          "attain", "achieve", "win", "earn", "keep", "retain", "confer"})
NEUTRAL_HEADS = frozenset({"country", "state", "nation", "government", "power", "one"})
# Prepositions that may link a relation noun to the organisation ("member of", "candidate for").
LINKING_PREPOSITIONS = frozenset({"of", "to", "in", "for", "with", "within", "inside", "into", "among", "at", "on"})
# Adverbs of time that make "no longer"/"not anymore" a claim about the present.
NO_LONGER = frozenset({"longer", "anymore", "more"})
FOUNDING = frozenset({"founding", "founder", "original", "charter"})

# Verbs that make or hold an agreement between two states: "signed a defence pact with".
SIGNING = frozenset({
    "sign", "conclude", "ink", "ratify", "seal", "strike", "forge", "form", "share", "enter",
    "maintain", "agree", "establish", "renew", "extend", "upgrade",
})
# Words of obligation under which "defend" names a pact: "is obliged to defend".
OBLIGATION = frozenset({
    "oblige", "obliged", "obligate", "obligated", "bind", "bound", "treaty-bound", "commit",
    "committed", "pledge", "vow", "duty", "obligation", "commitment", "require", "required",
})

# Verbs of leaving: "left the CSTO in 1999" is a claim that a membership ended.
LEAVING = frozenset({"leave", "quit", "exit", "withdraw", "abandon", "ditch"})
# Two-word verbs of leaving, verb and particle: "walked out of the Baghdad Pact", "pulled out of".
LEAVING_PHRASAL = frozenset({("walk", "out"), ("pull", "out"), ("get", "out"), ("drop", "out"), ("back", "out"), ("opt", "out"), ("break", "away")})

# Quantifiers that may head a group subject: "none of the Baltic states", "all of them".
QUANTIFIERS = frozenset({"none", "neither", "all", "each", "both", "every", "any"})
NEGATIVE_QUANTIFIERS = frozenset({"none", "neither", "no"})

# Adverbs that hand a claim to someone else: "apparently Qatar is a major non-NATO ally".
HEARSAY = frozenset({"apparently", "allegedly", "supposedly", "reportedly", "rumoredly", "purportedly"})
# First-person verbs of hearsay: "I heard Azerbaijan applied to join the SCO".
HEARSAY_VERBS = frozenset({"hear", "read", "see"})
# Phrases by which a writer says they are unsure of what they write.
HEDGES = (
    "not sure", "not 100%", "don't quote me", "dont quote me", "could be wrong", "might be wrong",
    "may be wrong", "correct me if", "no idea", "not certain", "unsure", "i might be mistaken",
    # a belief offered as such: both labelled sets read these as the writer's uncertainty
    "i think", "i believe", "i reckon", "i guess", "pretty sure", "fairly sure", "i'm guessing",
    "iirc", "if i recall", "if i remember", "afaik", "as far as i know", "if memory serves",
)
# Marks of sarcasm: the writer means the opposite, so the words are not their assertion.
SARCASM = (
    "🙄", "🙃", "😏", "🤡", "/s", "oh sure", "yeah right", "yeah, right", "sure, ", "yeah and ",
    " totally ", "and i'm the queen", "and im the queen", "lmao sure",
)

# Prepositions that add states to a membership claim: "in the CSTO with Russia and Belarus",
# "joined NATO in 1999 alongside Poland", "in the Quad along with Japan".
COMPANIONS = frozenset({"with", "alongside"})

# Phrases by which writers take back what they just wrote: "... wait, it's in both actually".
# ("never mind" only as a clause of its own: "..., never mind NATO" is not one)
RETRACTIONS = ("wait, ", "wait no", "scratch that", "never mind,", "never mind.", "nevermind,", "nevermind.", "my bad",
               "i stand corrected", "i was wrong")

# Words by which the writer shows they know a membership or candidacy is frozen or suspended:
# "Armenia is still technically in the CSTO but has frozen its participation". Such a claim is
# true as written; correcting it as misleading would be pedantic.
ACKNOWLEDGED_LIMITS = ("frozen", "freeze", "froze", "suspend", "on paper", "technically", "nominally", "in name only", "on hold", "stalled")

# Phrases that hand a claim to someone else: "According to some tiktoker India joined AUKUS".
HEARSAY_PHRASES = ("according to", "rumour has it", "rumor has it", "word is", "supposedly", "i keep reading")
# Words a question may open with before its auxiliary: "wait is Cyprus in NATO".
DISCOURSE_OPENERS = frozenset({
    "wait", "so", "ok", "okay", "hey", "well", "but", "and", "also", "btw", "lol", "hmm", "um", "uh",
    "quick", "question", "honestly", "seriously", "really", "genuinely", "sorry", "then", "now",
})

# A return to an organisation rather than a first accession: "rejoined", "was readmitted",
# "came back to the AU". Its year is not the first membership's.
RETURN_PREFIXES = ("rejoin", "readmit", "re-join", "re-admit", "reenter", "re-enter", "reinstat", "restor")
RETURN_PHRASAL = frozenset({("come", "back"), ("return", "to"), ("go", "back")})

# Prepositions whose object the writer takes as given: "on top of both being in the CSTO".
FACTIVE_PREPOSITIONS = frozenset({"of", "despite", "besides", "given", "beyond", "from"})

# Words by which a state is placed outside an organisation: "stays out of NATO", "steers
# clear of the CSTO", "is outside the EU", "will be out of the CIS". Read as not a member.
OUTSIDE = frozenset({"out", "outside", "clear"})
# The verbs such a word must hang on: "is", "stays", "remains", "keeps", "steers".
PLACING_VERBS = frozenset({"be", "stay", "remain", "keep", "hold", "steer", "sit", "live"})

# Nouns that name a relation: "Azerbaijan's membership in NATO", "the Finnish accession".
NOMINAL_RELATIONS = frozenset({"membership", "accession", "bid", "application", "candidacy", "entry", "admission",
                               "partnership", "alliance"})
# Verbs that take a stance on a relation named as a noun, not assert it: "Greece vetoed
# Macedonia's NATO membership", "many oppose Ukraine's accession".
STANCE_VERBS = frozenset({"oppose", "veto", "block", "reject", "support", "fear", "discuss", "debate", "demand"})
# Predicates that speak of a relation as possible, not as so: "X's NATO membership is unthinkable".
IRREALIS = frozenset({
    "unthinkable", "impossible", "unlikely", "likely", "possible", "inevitable", "dream", "fantasy", "line",
    "inconceivable", "unrealistic", "realistic", "hypothetical", "conceivable", "imminent", "question", "matter",
    "goal", "aim", "ambition", "aspiration", "prospect", "option", "disaster", "nightmare", "mistake", "risk",
    "threat", "provocation", "gamble",
})

# Verbs whose object a prepositional phrase places in an organisation: "see Japan in NATO",
# "kept Yugoslavia out of the Warsaw Pact". Those in SMALL_CLAUSE_FACTS say what was so.
SMALL_CLAUSE_FACTS = frozenset({"keep", "hold"})
SMALL_CLAUSE_VERBS = SMALL_CLAUSE_FACTS | frozenset({
    "see", "want", "imagine", "like", "love", "prefer", "need", "expect", "picture", "envision", "envisage", "wish",
})

# Nouns that set a time or a world for the clause they head, not a fact: "the day Moldova joins
# NATO", "in a world where Japan is in NATO".
TIME_FRAMES = frozenset({"day", "moment", "minute", "time", "year", "second"})
WORLD_FRAMES = frozenset({"world", "universe", "timeline", "scenario", "reality", "future", "version", "fantasy"})
# Predicates that do assert a relation named as a noun: "Sweden's NATO membership is a reality".
FACTUAL = frozenset({"fact", "reality", "real", "official", "done", "settled", "certain", "historic", "final",
                     "complete", "old", "permanent", "formal", "legal", "binding", "valid", "effective"})
