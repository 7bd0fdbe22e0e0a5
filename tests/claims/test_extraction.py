"""Tables of sentences and the claims they make, negatives beside positives.

Each expected claim is (subject, relation, object, negated, modality, year).
"""

import pytest

A, Q, H, R = "assertion", "question", "hypothetical", "reported"


def _found(extractor, text):
    return [
        (
            c.statement.subject,
            c.statement.relation.value,
            c.statement.object,
            c.statement.negated,
            c.modality.value,
            c.statement.year,
        )
        for c in extractor.extract(text)
    ]


def _check(extractor, text, expected):
    claims = extractor.extract(text)
    assert _found(extractor, text) == expected
    for claim in claims:  # every claim explains itself
        assert claim.extractor in {"member_of", "partner_of", "candidate_for", "defense_pact", "defense_cooperation", "copula"}
        assert claim.pattern
        assert text[claim.start : claim.end].strip() == claim.text


MEMBERSHIP = [
    ("Azerbaijan is in NATO", [("AZE", "member_of", "nato", False, A, None)]),
    ("Azerbaijan is a member of NATO.", [("AZE", "member_of", "nato", False, A, None)]),
    ("Azerbaijan is a NATO member.", [("AZE", "member_of", "nato", False, A, None)]),
    ("AZERBAIJAN IS IN NATO", [("AZE", "member_of", "nato", False, A, None)]),
    ("Turkey belongs to NATO.", [("TUR", "member_of", "nato", False, A, None)]),
    ("Greece is part of NATO.", [("GRC", "member_of", "nato", False, A, None)]),
    ("Finland joined NATO in 2023.", [("FIN", "member_of", "nato", False, A, 2023)]),
    ("Finland joined NATO in April 2023.", [("FIN", "member_of", "nato", False, A, 2023)]),
    ("Turkey has been a member of NATO since 1952.", [("TUR", "member_of", "nato", False, A, 1952)]),
    ("Poland is an EU member state.", [("POL", "member_of", "eu", False, A, None)]),
    ("Turkey is a NATO country.", [("TUR", "member_of", "nato", False, A, None)]),
    ("Azerbaijan, a NATO member, sent troops.", [("AZE", "member_of", "nato", False, A, None)]),
    ("Turkey was a founding member of NATO.", [("TUR", "member_of", "nato", False, A, 1949)]),
    ("Georgia left the CSTO in 1999.", [("GEO", "member_of", "csto", True, A, 1999)]),  # leaving: a membership ended
]

NEGATION = [
    ("Azerbaijan is not a NATO member.", [("AZE", "member_of", "nato", True, A, None)]),
    ("Sweden isn't in NATO", [("SWE", "member_of", "nato", True, A, None)]),
    ("Azerbaijan has never been a member of NATO.", [("AZE", "member_of", "nato", True, A, None)]),
    ("Azerbaijan is no longer in the CSTO.", [("AZE", "member_of", "csto", True, A, None)]),
    ("Sweden isn't even in NATO.", [("SWE", "member_of", "nato", True, A, None)]),
    ("Neither Austria nor Ireland is in NATO.", [
        ("AUT", "member_of", "nato", True, A, None),
        ("IRL", "member_of", "nato", True, A, None),
    ]),
    ("I don't think Israel is in NATO.", [("ISR", "member_of", "nato", True, A, None)]),
]

COORDINATION = [
    ("Finland and Sweden are both in NATO", [
        ("FIN", "member_of", "nato", False, A, None),
        ("SWE", "member_of", "nato", False, A, None),
    ]),
    ("Austria is in the EU but not in NATO.", [
        ("AUT", "member_of", "eu", False, A, None),
        ("AUT", "member_of", "nato", True, A, None),
    ]),
    ("Cyprus is a member of both the EU and NATO", [
        ("CYP", "member_of", "eu", False, A, None),
        ("CYP", "member_of", "nato", False, A, None),
    ]),
]

PARTNERSHIP_AND_CANDIDACY = [
    ("Azerbaijan is a NATO partner.", [("AZE", "partner_of", "nato", False, A, None)]),
    ("Azerbaijan is in the Partnership for Peace.", [("AZE", "partner_of", "pfp", False, A, None)]),
    ("Israel is a major non-NATO ally.", [("ISR", "partner_of", "mnna", False, A, None)]),
    ("Turkey is an SCO dialogue partner.", [("TUR", "partner_of", "sco", False, A, None)]),
    ("Ukraine applied to join NATO in 2022.", [("UKR", "candidate_for", "nato", False, A, 2022)]),
    ("Turkey is an EU candidate.", [("TUR", "candidate_for", "eu", False, A, None)]),
    ("Serbia joined the CSTO as an observer.", [("SRB", "partner_of", "csto", False, A, None)]),
    ("Serbia joined the CSTO as a member.", [("SRB", "member_of", "csto", False, A, None)]),
]

MODALITY = [
    ("Is Azerbaijan in NATO?", [("AZE", "member_of", "nato", False, Q, None)]),
    ("Is Azerbaijan in NATO", [("AZE", "member_of", "nato", False, Q, None)]),
    ("Does Turkey belong to the EU", [("TUR", "member_of", "eu", False, Q, None)]),
    ("I wonder whether Serbia is in NATO.", [("SRB", "member_of", "nato", False, Q, None)]),
    ("I'm not sure whether Serbia is in NATO.", [("SRB", "member_of", "nato", False, R, None)]),
    ("If Azerbaijan were in NATO, Turkey would have to help.", [("AZE", "member_of", "nato", False, H, None)]),
    ("Suppose Azerbaijan is in NATO.", [("AZE", "member_of", "nato", False, H, None)]),
    ("Azerbaijan will join NATO.", [("AZE", "member_of", "nato", False, H, None)]),
    ("Georgia wants to join NATO.", [("GEO", "member_of", "nato", False, H, None)]),
    ("Serbia might apply to join the EU.", [("SRB", "candidate_for", "eu", False, H, None)]),
    ("My uncle insists Israel is in NATO, which is nonsense.", [("ISR", "member_of", "nato", False, R, None)]),
    ("Some people think Israel is in NATO.", [("ISR", "member_of", "nato", False, R, None)]),
    ("It's a myth that Israel is in NATO.", [("ISR", "member_of", "nato", False, R, None)]),
    # a belief offered as such is the writer's uncertainty, as all three labelled sets read it
    ("I think Azerbaijan is in NATO", [("AZE", "member_of", "nato", False, R, None)]),
    ("Azerbaijan is in NATO iirc", [("AZE", "member_of", "nato", False, R, None)]),
    ("not 100% sure but I believe Mongolia is an SCO observer", [("MNG", "partner_of", "sco", False, R, None)]),
    ("I'm sure Finland is in NATO.", [("FIN", "member_of", "nato", False, A, None)]),
    # "status": the role is in what modifies it; "got ... in June" is not "got in"
    ("Ukraine got EU candidate status in June 2022.", [("UKR", "candidate_for", "eu", False, A, 2022)]),
    ("Argentina was granted MNNA status in 1998.", [("ARG", "partner_of", "mnna", False, A, 1998)]),
    ("Mongolia holds observer status at the SCO.", [("MNG", "partner_of", "sco", False, A, None)]),
    ("Turkey got a NATO status report.", []),
    # the reference case: the claim is asserted, the consequence is hypothetical
    ("Azerbaijan is in NATO, so Turkey would have to back them", [("AZE", "member_of", "nato", False, A, None)]),
]

MULTI_SENTENCE = [
    ("Azerbaijan has a strong army. It joined NATO in 2004.", [("AZE", "member_of", "nato", False, A, 2004)]),
    ("Big news today. Sweden is not in NATO. Weird, right?", [("SWE", "member_of", "nato", True, A, None)]),
    ("Turkey and Greece argue a lot. They are both in NATO.", [  # 'they': the states named together
        ("GRC", "member_of", "nato", False, A, None),
        ("TUR", "member_of", "nato", False, A, None),
    ]),
    ("Turkey and Greece argue a lot. It is in NATO.", []),  # 'it' is one of two: no guess
    # elliptical sentences repeat the previous claim with their own subject and polarity
    ("Some people think Israel is in NATO. It isn't.", [
        ("ISR", "member_of", "nato", False, R, None),
        ("ISR", "member_of", "nato", True, A, None),
    ]),
    ("Azerbaijan left the CSTO in 1999. So did Georgia.", [
        ("AZE", "member_of", "csto", True, A, 1999),
        ("GEO", "member_of", "csto", True, A, 1999),
    ]),
    ("Montenegro became a member of NATO in 2017. North Macedonia in 2020.", [
        ("MNE", "member_of", "nato", False, A, 2017),
        ("MKD", "member_of", "nato", False, A, 2020),
    ]),
    ("Sweden is in NATO. I like Finland.", [("SWE", "member_of", "nato", False, A, None)]),
    # an answer to a quote: the quote is not the writer's claim, the answer is
    ("> Israel is in NATO\nNo it isn't.", [("ISR", "member_of", "nato", True, A, None)]),
    ("[quote]Azerbaijan is in NATO[/quote] Nope, it's not. It's a PfP partner and that's it.", [
        ("AZE", "member_of", "nato", True, A, None),
        ("AZE", "partner_of", "pfp", False, A, None),
    ]),
    ("> Israel is in NATO\n\nThat's what he said.", []),
]

CLAUSES = [
    ("Norway isn't in the EU but it is in NATO.", [
        ("NOR", "member_of", "eu", True, A, None),
        ("NOR", "member_of", "nato", False, A, None),
    ]),
    ("Israel is not a NATO member but is a major non-NATO ally.", [
        ("ISR", "member_of", "nato", True, A, None),
        ("ISR", "partner_of", "mnna", False, A, None),
    ]),
    ("Japan is a close US ally but not a NATO member.", [("JPN", "member_of", "nato", True, A, None)]),
    # the last clause echoes the claim with its own year; the parser hangs 2017 off the echo (a limit)
    ("Montenegro joined NATO in 2017, North Macedonia in 2020.", [
        ("MNE", "member_of", "nato", False, A, None),
        ("MKD", "member_of", "nato", False, A, 2020),
    ]),
    ("Kazakhstan is a CSTO member, unlike Azerbaijan.", [
        ("KAZ", "member_of", "csto", False, A, None),
        ("AZE", "member_of", "csto", True, A, None),
    ]),
    # a contrastive 'not' negates the phrase it introduces, wherever the parser hangs it
    ("Austria is in the EU, not in NATO.", [
        ("AUT", "member_of", "eu", False, A, None),
        ("AUT", "member_of", "nato", True, A, None),
    ]),
    ("Austria is in the EU, not NATO.", [
        ("AUT", "member_of", "eu", False, A, None),
        ("AUT", "member_of", "nato", True, A, None),
    ]),
    ("No. Azerbaijan is a NATO partner, not a member.", [
        ("AZE", "partner_of", "nato", False, A, None), ("AZE", "member_of", "nato", True, A, None),
    ]),
    ("Georgia is a partner, but not a member of NATO.", [("GEO", "member_of", "nato", True, A, None)]),
]

PACTS = [
    ("Japan has a mutual defence treaty with the US.", [("JPN", "defense_pact", "USA", False, A, None)]),
    ("Japan has a mutual defense treaty with the U.S.", [("JPN", "defense_pact", "USA", False, A, None)]),
    ("The US and Japan are treaty allies.", [("USA", "defense_pact", "JPN", False, A, None)]),
    ("Japan is a treaty ally of the United States.", [("JPN", "defense_pact", "USA", False, A, None)]),
    ("Russia and North Korea signed a mutual defence pact in 2024.", [("RUS", "defense_pact", "PRK", False, A, 2024)]),
    ("The US is obliged to defend Japan.", [("USA", "defense_pact", "JPN", False, A, None)]),
    ("The Turkish government is obliged to defend Azerbaijan.", [("TUR", "defense_pact", "AZE", False, A, None)]),
    ("Washington and Tokyo have a security treaty.", [("USA", "defense_pact", "JPN", False, A, None)]),
    ("Japan has no mutual defense treaty with South Korea.", [("JPN", "defense_pact", "KOR", True, A, None)]),
    ("Azerbaijan signed a defence cooperation agreement with Somalia in 2025.", [
        ("AZE", "defense_cooperation", "SOM", False, A, 2025),
    ]),
    ("Azerbaijan is strong. It has a defence pact with Turkey.", [("AZE", "defense_pact", "TUR", False, A, None)]),
    ("Does Japan have a defence treaty with the US?", [("JPN", "defense_pact", "USA", False, Q, None)]),
    ("South Korea and Japan are both US treaty allies.", [
        ("KOR", "defense_pact", "USA", False, A, None),
        ("JPN", "defense_pact", "USA", False, A, None),
    ]),
    # Loose words and other kinds of agreement are no pact claim.
    ("The US and Israel are allies.", []),
    ("Japan is a close NATO ally.", []),  # 'ally' is loose talk, not membership
    ("The US has a trade treaty with Japan.", []),
    ("France, Germany and Italy signed a defence pact.", []),
    ("Turkey sent drones to Azerbaijan.", []),
]

NAMES_AND_NOISE = [
    # groups stand for each member; quantifiers carry negation
    ("The Baltic states are in NATO.", [
        ("EST", "member_of", "nato", False, A, None),
        ("LVA", "member_of", "nato", False, A, None),
        ("LTU", "member_of", "nato", False, A, None),
    ]),
    ("None of the Baltic states is in the CSTO.", [
        ("EST", "member_of", "csto", True, A, None),
        ("LVA", "member_of", "csto", True, A, None),
        ("LTU", "member_of", "csto", True, A, None),
    ]),
    # typos, but never one real name for another
    ("Azerbijan is in NATO", [("AZE", "member_of", "nato", False, A, None)]),
    ("Ukriane is not in NATO.", [("UKR", "member_of", "nato", True, A, None)]),
    ("Austria is in the EU.", [("AUT", "member_of", "eu", False, A, None)]),
    # lower case, shouting and emoji do not break the parse
    ("is ukraine in nato yet", [("UKR", "member_of", "nato", False, Q, None)]),
    ("Kyrgyzstan 🇰🇬 is in the CSTO.", [("KGZ", "member_of", "csto", False, A, None)]),
    ("Japan and Australia are NATO 'partners across the globe', not members.", [
        ("JPN", "partner_of", "partners-across-the-globe", False, A, None),
        ("AUS", "partner_of", "partners-across-the-globe", False, A, None),
        ("JPN", "member_of", "nato", True, A, None),  # "not members": of the programme's organisation
        ("AUS", "member_of", "nato", True, A, None),
    ]),
    # companions added by 'with', 'alongside'
    ("Czechia joined NATO in 1999 alongside Poland and Hungary.", [
        ("CZE", "member_of", "nato", False, A, 1999),
        ("POL", "member_of", "nato", False, A, 1999),
        ("HUN", "member_of", "nato", False, A, 1999),
    ]),
    ("Serbia is in the CSTO with Russia.", [
        ("SRB", "member_of", "csto", False, A, None),
        ("RUS", "member_of", "csto", False, A, None),
    ]),
    # an organisation's member list
    ("AUKUS is the UK, the US and Australia.", [
        ("GBR", "member_of", "aukus", False, A, None),
        ("USA", "member_of", "aukus", False, A, None),
        ("AUS", "member_of", "aukus", False, A, None),
    ]),
    ("NATO doesn't include Austria.", [("AUT", "member_of", "nato", True, A, None)]),
    ("NATO is Turkey's problem.", []),
    # phrasal verbs, lists read as appositions, companions that are groups
    ("Austria and Switzerland both take part in the Partnership for Peace.", [
        ("AUT", "partner_of", "pfp", False, A, None),
        ("CHE", "partner_of", "pfp", False, A, None),
    ]),
    ("Kyrgyzstan is in the CSTO, the SCO and the CIS.", [
        ("KGZ", "member_of", "csto", False, A, None),
        ("KGZ", "member_of", "sco", False, A, None),
        ("KGZ", "member_of", "cis", False, A, None),
    ]),
    ("Poland joined NATO in 2004 together with the Baltics.", [
        ("POL", "member_of", "nato", False, A, 2004),
        ("EST", "member_of", "nato", False, A, 2004),
        ("LVA", "member_of", "nato", False, A, 2004),
        ("LTU", "member_of", "nato", False, A, 2004),
    ]),
    # leaving is a membership that ended; the verb nearest the organisation decides
    ("Iraq walked out of the Baghdad Pact in 1959.", [("IRQ", "member_of", "cento", True, A, 1959)]),
    ("Morocco walked out of the OAU in 1984 and only came back to the AU in 2017.", [
        ("MAR", "member_of", "oau", True, A, 1984),
        ("MAR", "member_of", "au", False, A, None),
    ]),
    ("Britain left the EU in 2020.", [("GBR", "member_of", "eu", True, A, 2020)]),
    # another clause, another name on the path, a candidate country
    ("Montenegro joined NATO in 2017 and Russia tried a coup.", [("MNE", "member_of", "nato", False, A, 2017)]),
    ("Azerbaijan joined NATO's Partnership for Peace in 1994.", [("AZE", "partner_of", "pfp", False, A, 1994)]),
    ("Türkiye is an EU candidate country.", [("TUR", "candidate_for", "eu", False, A, None)]),
    # not the writer's assertion: sarcasm, hearsay, hedges, conditions inside questions
    ("Oh sure, Azerbaijan is in NATO 🙄", [("AZE", "member_of", "nato", False, R, None)]),
    ("I heard Azerbaijan joined the SCO.", [("AZE", "member_of", "sco", False, R, None)]),
    ("Apparently Qatar is a major non-NATO ally now.", [("QAT", "partner_of", "mnna", False, R, None)]),
    ("Would Russia invade if Moldova joined NATO?", [("MDA", "member_of", "nato", False, H, None)]),
    # events named or under way are not asserted
    ("If you ask me, Georgia joining NATO would be a disaster.", [("GEO", "member_of", "nato", False, H, None)]),
    ("Greece vetoed Kosovo's NATO membership for years.", [("XKX", "member_of", "nato", False, H, None)]),
    ("Ukraine is joining the EU soon.", [("UKR", "member_of", "eu", False, H, None)]),
    ("Putin wants Belarus to stay in the CSTO.", [("BLR", "member_of", "csto", False, H, None)]),
    ("I want Ukraine in NATO.", [("UKR", "member_of", "nato", False, H, None)]),
    # questions without a question mark: tags, openers, a trailing wh-word
    ("the baltics arent in the EU are they", [
        ("EST", "member_of", "eu", True, Q, None),
        ("LVA", "member_of", "eu", True, Q, None),
        ("LTU", "member_of", "eu", True, Q, None),
    ]),
    ("wait is Cyprus in NATO", [("CYP", "member_of", "nato", False, Q, None)]),
    ("Serbia in the EU when", [("SRB", "member_of", "eu", False, Q, None)]),
    ("According to some tiktoker India joined AUKUS. I'm not buying it.", [("IND", "member_of", "aukus", False, R, None)]),
    # neither ... nor on the organisations; 'but not' in a list; a role after a denial
    ("Switzerland is in neither the EU nor NATO.", [
        ("CHE", "member_of", "eu", True, A, None),
        ("CHE", "member_of", "nato", True, A, None),
    ]),
    ("Albania is in NATO but not the EU. It's a candidate though.", [
        ("ALB", "member_of", "nato", False, A, None),
        ("ALB", "member_of", "eu", True, A, None),
        ("ALB", "candidate_for", "eu", False, A, None),
    ]),
    # disguised names: homoglyphs, fullwidth letters, invisible characters
    ("Аzerbaijan is in NΑTO", [("AZE", "member_of", "nato", False, A, None)]),  # Cyrillic А, Greek Α
    ("ＡＺＥＲＢＡＩＪＡＮ ＩＳ ＩＮ ＮＡＴＯ", [("AZE", "member_of", "nato", False, A, None)]),
    ("Azer\u200bbaijan is in NATO", [("AZE", "member_of", "nato", False, A, None)]),
    ("Азербайджан is in NATO", []),  # a name in another script is not a disguise
]

# Rosters read from the tokens (claims/rosters.py) and clauses that echo a claim (claims/ellipsis.py).
ROSTERS_AND_ECHOES = [
    ("Five Eyes = US, UK, Canada, Australia, New Zealand.", [
        ("USA", "member_of", "fiveeyes", False, A, None), ("GBR", "member_of", "fiveeyes", False, A, None),
        ("CAN", "member_of", "fiveeyes", False, A, None), ("AUS", "member_of", "fiveeyes", False, A, None),
        ("NZL", "member_of", "fiveeyes", False, A, None),
    ]),
    ("The SCO's full members:\n* China\n* Russia\n\nNot Turkey, not Azerbaijan.", [
        ("CHN", "member_of", "sco", False, A, None), ("RUS", "member_of", "sco", False, A, None),
        ("TUR", "member_of", "sco", True, A, None), ("AZE", "member_of", "sco", True, A, None),
    ]),
    ("Members of the Quad: India, Japan and Australia", [
        ("IND", "member_of", "quad", False, A, None), ("JPN", "member_of", "quad", False, A, None),
        ("AUS", "member_of", "quad", False, A, None),
    ]),
    ("NATO: Turkey and Greece clash over islands again", []),  # a headline, not a list
    ("AUKUS: Australia, the UK.", []),  # a bare colon needs three names
    ("Former Warsaw Pact members: Poland, Hungary, Czechia.", []),  # not today's members
    # a 'not' past the claim and a comma is not the claim's
    ("Ukraine is an EU candidate, Georgia not anymore.", [("UKR", "candidate_for", "eu", False, A, None)]),
    ("Would-be NATO members: Ukraine, Georgia, Bosnia.", []),
    ("Are the CSTO members: Russia, Belarus, Armenia?", []),
    ("I think the Quad members are: US, Japan, India, Australia.", []),  # hedged: not asserted
    ("ANZUS is Australia, New Zealand and the US. Not Japan.", [
        ("AUS", "member_of", "anzus", False, A, None), ("NZL", "member_of", "anzus", False, A, None),
        ("USA", "member_of", "anzus", False, A, None), ("JPN", "member_of", "anzus", True, A, None),
    ]),
    ("Ukraine has been an EU candidate since 2022, Moldova too.", [
        ("UKR", "candidate_for", "eu", False, A, 2022), ("MDA", "candidate_for", "eu", False, A, 2022),
    ]),
    ("Austria joined the EU in 1995, same as Sweden.", [
        ("AUT", "member_of", "eu", False, A, 1995), ("SWE", "member_of", "eu", False, A, 1995),
    ]),
    ("Turkey is in NATO, unlike Austria.", [
        ("TUR", "member_of", "nato", False, A, None), ("AUT", "member_of", "nato", True, A, None),
    ]),
    ("Austria isn't in NATO, unlike Hungary.", [
        ("AUT", "member_of", "nato", True, A, None), ("HUN", "member_of", "nato", False, A, None),
    ]),
    ("Is Sweden in NATO now, like Finland?", [
        ("SWE", "member_of", "nato", False, Q, None), ("FIN", "member_of", "nato", False, Q, None),
    ]),
    ("Russia invaded Ukraine, not Belarus.", []),  # no claim to echo
    # a last clause that names another role, set against the claim or offered as its alternative
    ("Mongolia is only an observer at the SCO, not a member.", [
        ("MNG", "partner_of", "sco", False, A, None), ("MNG", "member_of", "sco", True, A, None),
    ]),
    ("Ukraine is not in the EU yet but it is a candidate.", [
        ("UKR", "member_of", "eu", True, A, None), ("UKR", "candidate_for", "eu", False, A, None),
    ]),
    ("is belarus in the sco or just an observer", [
        ("BLR", "member_of", "sco", False, Q, None), ("BLR", "partner_of", "sco", False, Q, None),
    ]),
    ("Is Ireland in NATO or just the EU?", [
        ("IRL", "member_of", "nato", False, Q, None), ("IRL", "member_of", "eu", False, Q, None),
    ]),
    ("Turkey is in NATO or the EU, one of them.", [("TUR", "member_of", "nato", False, A, None)]),  # "or" asserts neither
    ("Turkey is in NATO, a member since 1952.", [("TUR", "member_of", "nato", False, A, 1952)]),  # same polarity: no role clause
    # a role clause with a subject of its own is asserted, whatever the claim before it
    ("Georgia wants to join NATO, but it is not a member.", [
        ("GEO", "member_of", "nato", False, H, None), ("GEO", "member_of", "nato", True, A, None),
    ]),
    ("If Georgia joined NATO, it would be a member.", [("GEO", "member_of", "nato", False, H, None)]),
    # "if" under a question frame asks; under nothing it supposes
    ("Anyone know if Timor-Leste is in ASEAN yet", [("TLS", "member_of", "asean", False, Q, None)]),
    ("If Serbia joins the CSTO, the EU will react.", [("SRB", "member_of", "csto", False, H, None)]),
    # an application stays one whatever role it asks for
    ("Azerbaijan applied to join the SCO as a full member.", [("AZE", "candidate_for", "sco", False, A, None)]),
    ("Serbia joined the CSTO as an observer.", [("SRB", "partner_of", "csto", False, A, None)]),
    # programmes named by their members' role, designations in apposition
    ("Georgia is one of NATO's Enhanced Opportunities Partners.", [("GEO", "partner_of", "eop", False, A, None)]),
    ("Is Saudi Arabia a major non-NATO ally now?", [("SAU", "partner_of", "mnna", False, Q, None)]),
    ("Japan and the Philippines signed a Reciprocal Access Agreement in 2024.", [
        ("JPN", "defense_cooperation", "PHL", False, A, 2024),
    ]),
    # the lemmatizer's "readmitte" is still "readmit"
    ("Syria was readmitted to the Arab League in 2023.", [("SYR", "member_of", "arab-league", False, A, 2023)]),
    # a state taken as given ("being") is asserted; an event named ("joining") is not
    ("Despite Turkey being in NATO, it bought S-400s.", [("TUR", "member_of", "nato", False, A, None)]),
    ("Georgia being in NATO would be a disaster.", [("GEO", "member_of", "nato", False, H, None)]),
    ("Georgia joining NATO is unlikely.", [("GEO", "member_of", "nato", False, H, None)]),
    ("Armenia being in the CSTO is a myth.", [("ARM", "member_of", "csto", False, H, None)]),
    # a verb with no object of its own repeats the previous claim's organisation
    ("Qatar and Kuwait are in the Istanbul Cooperation Initiative. Saudi Arabia never signed up.", [
        ("QAT", "partner_of", "ici", False, A, None), ("KWT", "partner_of", "ici", False, A, None),
        ("SAU", "partner_of", "ici", True, A, None),
    ]),
    ("Turkey is in NATO. Greece joined in 1952.", [
        ("TUR", "member_of", "nato", False, A, None), ("GRC", "member_of", "nato", False, A, 1952),
    ]),
    ("Turkey is in NATO. Greece signed.", [("TUR", "member_of", "nato", False, A, None)]),
    ("Azerbaijan is not in NATO. Georgia wants to join.", [("AZE", "member_of", "nato", True, A, None)]),
    ("India, Japan, Australia and the US make up the Quad.", [
        ("IND", "member_of", "quad", False, A, None), ("JPN", "member_of", "quad", False, A, None),
        ("AUS", "member_of", "quad", False, A, None), ("USA", "member_of", "quad", False, A, None),
    ]),
    ("Israel is a major non-NATO ally, as are Japan and South Korea.", [
        ("ISR", "partner_of", "mnna", False, A, None), ("JPN", "partner_of", "mnna", False, A, None),
        ("KOR", "partner_of", "mnna", False, A, None),
    ]),
    # each organisation of a list with its own date
    ("Romania's been in the EU since 2007 and in NATO since 2004.", [
        ("ROU", "member_of", "eu", False, A, 2007), ("ROU", "member_of", "nato", False, A, 2004),
    ]),
    ("Sweden joined the EU in 1995 and NATO.", [
        ("SWE", "member_of", "eu", False, A, 1995), ("SWE", "member_of", "nato", False, A, None),
    ]),
    # a sentence that points back at the previous claim's organisation
    ("AUKUS is Australia, the UK and the US. Japan isn't in it, whatever the tabloids say.", [
        ("AUS", "member_of", "aukus", False, A, None), ("GBR", "member_of", "aukus", False, A, None),
        ("USA", "member_of", "aukus", False, A, None), ("JPN", "member_of", "aukus", True, A, None),
    ]),
    ("Kuwait and Qatar joined the Istanbul Cooperation Initiative. Saudi and Oman never did.", [
        ("KWT", "partner_of", "ici", False, A, None), ("QAT", "partner_of", "ici", False, A, None),
        ("SAU", "partner_of", "ici", True, A, None), ("OMN", "partner_of", "ici", True, A, None),
    ]),
    ("Finland's in NATO. Is Austria?", [
        ("FIN", "member_of", "nato", False, A, None), ("AUT", "member_of", "nato", False, Q, None),
    ]),
    ("Turkey is in NATO. Greece has it.", [("TUR", "member_of", "nato", False, A, None)]),
    ("Turkey is in NATO and the EU. Greece isn't in it.", [
        ("TUR", "member_of", "nato", False, A, None), ("TUR", "member_of", "eu", False, A, None),
    ]),  # two organisations before: "it" is not resolved
    # quantified references to the states named before
    ("Switzerland, Austria and Ireland are neutral, so none of them are in NATO.", [
        ("AUT", "member_of", "nato", True, A, None), ("CHE", "member_of", "nato", True, A, None),
        ("IRL", "member_of", "nato", True, A, None),
    ]),
    ("None of them are in NATO.", []),  # nobody named before
    # outside an organisation, and back in it
    ("Switzerland stays out of NATO.", [("CHE", "member_of", "nato", True, A, None)]),
    ("Norway is outside the EU.", [("NOR", "member_of", "eu", True, A, None)]),
    ("Azerbaijan pulled out of the CSTO in 1999.", [("AZE", "member_of", "csto", True, A, 1999)]),
    ("Turkey is out of patience with NATO.", []),
    ("Syria is back in the Arab League since 2023.", [("SYR", "member_of", "arab-league", False, A, 2023)]),
    ("Australia is a NATO partner and a major non-NATO ally.", [
        ("AUS", "partner_of", "nato", False, A, None), ("AUS", "partner_of", "mnna", False, A, None),
    ]),
    ("Saudi Arabia is not even in the ICI, never mind NATO.", [
        ("SAU", "partner_of", "ici", True, A, None), ("SAU", "member_of", "nato", True, A, None),
    ]),
    # a relation named as a noun takes the modality of the clause around it
    ("Azerbaijan's NATO membership would be a disaster.", [("AZE", "member_of", "nato", False, H, None)]),
    ("Azerbaijani membership in NATO is unthinkable.", [("AZE", "member_of", "nato", False, H, None)]),
    ("Azerbaijan's membership in NATO is a fact.", [("AZE", "member_of", "nato", False, A, None)]),
    ("Turkish membership in the EU is a running joke.", [("TUR", "member_of", "eu", False, H, None)]),
    ("Sweden's NATO membership is a reality now.", [("SWE", "member_of", "nato", False, A, None)]),
    ("Turkey's NATO membership dates back to 1952.", [("TUR", "member_of", "nato", False, A, None)]),
    # an effort under way is a candidacy; a wish is not
    ("Georgia has been trying to get into NATO for years, but it still isn't a member.", [
        ("GEO", "candidate_for", "nato", False, A, None), ("GEO", "member_of", "nato", True, A, None),
    ]),
    ("Azerbaijan wants to join NATO.", [("AZE", "member_of", "nato", False, H, None)]),
    ("India and the US have a lot of defence cooperation.", [("IND", "defense_cooperation", "USA", False, A, None)]),
    # a named treaty as the subject: a claim about its parties
    ("The US-Taiwan mutual defense treaty ended in 1980.", [("USA", "defense_pact", "TWN", True, A, 1980)]),
    ("The Russia-Iran strategic partnership treaty is not a mutual defence pact.", [
        ("RUS", "defense_pact", "IRN", True, A, None),
    ]),
    ("The US-Taiwan mutual defense treaty was signed in 1954.", []),  # said of the treaty, not of an alliance
    # a verb that places its object in (or out of) an organisation
    ("I'd love to see Japan in NATO.", [("JPN", "member_of", "nato", False, H, None)]),
    ("Tito kept Yugoslavia out of the Warsaw Pact.", [("YUG", "member_of", "warsaw-pact", True, A, None)]),
    ("I saw Macron in NATO headquarters.", []),
    ("Bosnia might get fast-tracked into the EU.", [("BIH", "member_of", "eu", False, H, None)]),
    ("Finland was welcomed into NATO in 2023.", [("FIN", "member_of", "nato", False, A, 2023)]),
    ("Ukraine was dragged into the EU debate.", []),
    # "they" for two states, in a pact's or cooperation's predicate
    ("Turkey and Azerbaijan are close. They have a mutual defence pact.", [("AZE", "defense_pact", "TUR", False, A, None)]),
    ("Turkey and Greece argue a lot. They have a pact with Libya.", []),
    # found by the adversarial set (tests/data/blind4.jsonl): each was a wrong public correction
    ("Had Ukraine been in NATO in 2014, Crimea would never have happened.", [
        ("UKR", "member_of", "nato", False, H, 2014),
    ]),
    ("Had Finland joined NATO in 2023?", [("FIN", "member_of", "nato", False, Q, 2023)]),
    ("The day Moldova joins NATO is the day Transnistria becomes everyone's problem.", [
        ("MDA", "member_of", "nato", False, H, None),
    ]),
    ("In a world where Japan is in NATO, Beijing plays it very differently.", [("JPN", "member_of", "nato", False, H, None)]),
    ("Belarus joining the EU after Lukashenko, we can dream.", [("BLR", "member_of", "eu", False, H, None)]),
    ("UK's no longer in the EU.", [("GBR", "member_of", "eu", True, A, None)]),
    ("Spain didn't join NATO until 1982.", [("ESP", "member_of", "nato", False, A, 1982)]),
    ("It's not like Finland isn't in NATO already.", [("FIN", "member_of", "nato", False, A, None)]),
    ("If Kosovo ever gets into NATO, Serbia will never recognise it.", [("XKX", "member_of", "nato", False, H, None)]),
    ('The op-ed "Why Ukraine Is Already a De Facto NATO Member" is pure opinion.', [("UKR", "member_of", "nato", False, R, None)]),
    ("Quote from the debate: 'Turkey isn't even in NATO anyway.' Yikes.", [("TUR", "member_of", "nato", True, R, None)]),
    ("India and the US have a lot of defence cooperation these days.", [("IND", "defense_cooperation", "USA", False, A, None)]),
    # "isn't in it" speaks of membership, whatever the previous verb; "never did" repeats it
    ("Azerbaijan left the CSTO in 1999. Georgia isn't in it either.", [
        ("AZE", "member_of", "csto", True, A, 1999), ("GEO", "member_of", "csto", True, A, None),
    ]),
    ("Azerbaijan left the CSTO in 1999. Georgia never did.", [
        ("AZE", "member_of", "csto", True, A, 1999), ("GEO", "member_of", "csto", False, A, None),
    ]),
    # coordinated states the parser hangs on a reporting verb
    ("Some analysts claim Azerbaijan and Israel have a mutual defence pact.", [("AZE", "defense_pact", "ISR", False, R, None)]),
    ("Washington and New Delhi signed a 10-year defence framework in 2025.", [("USA", "defense_cooperation", "IND", False, A, 2025)]),
    # another state echoed into a wish or a report shares it; it is not the writer's assertion
    ("Georgia wants to join NATO. Azerbaijan too.", [
        ("GEO", "member_of", "nato", False, H, None), ("AZE", "member_of", "nato", False, H, None),
    ]),
    ("Russia says Belarus is in the CSTO. Kazakhstan too.", [
        ("BLR", "member_of", "csto", False, R, None), ("KAZ", "member_of", "csto", False, R, None),
    ]),
    # "out"/"outside" must place the state outside this organisation, under a verb of being
    ("Hungary is outside the eurozone but in the EU.", []),
    ("Out of NATO's 32 members, Turkey has the second largest army.", []),
    ("Out of NATO, Turkey has the second largest army.", []),
]

NO_CLAIM = [
    ("The weather in Baku is lovely", []),
    ("Azerbaijan is in talks with NATO", []),
    ("Russia is angry at NATO", []),
    ("NATO bombed Serbia in 1999", []),
    ("NATO members like Poland have increased spending.", []),
    ("China and Russia lead the SCO.", []),
    ("Turkey sent troops to Azerbaijan", []),
    ("We had turkey in NATO colours at the party", []),
    ("The US criticised the EU", []),
    ("Azerbaijan hosted a NATO conference", []),
    ("> Azerbaijan is in NATO\nThat's what he said.", []),  # quoted: someone else's words
    ("Atlanta, Georgia is in NATO lol", []),  # the US state
    ("Guinea pigs are not in NATO.", []),
    ("Azerbaijani oil is sold to NATO members.", []),
]


@pytest.mark.parametrize(
    "text, expected",
    MEMBERSHIP + NEGATION + COORDINATION + PARTNERSHIP_AND_CANDIDACY + MODALITY + MULTI_SENTENCE + CLAUSES + PACTS + NAMES_AND_NOISE
    + ROSTERS_AND_ECHOES + NO_CLAIM,
)
def test_extract__table(extractor, text, expected):
    _check(extractor, text, expected)


def test_extract__prefilter_skips_text_without_an_organisation(extractor):
    assert not extractor.could_hold_claim("The weather in Baku is lovely")
    assert extractor.could_hold_claim("baku and nato")


def test_extract__claim_records_sentence_offsets_in_a_long_post(extractor):
    text = "I read the news.\n\nAnyway, Sweden is not in NATO. Lol."
    (claim,) = extractor.extract(text)
    assert text[claim.start : claim.end].strip() == "Anyway, Sweden is not in NATO."
