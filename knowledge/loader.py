"""Load the knowledge base from its data files, validating everything on the way in.

Layout of `knowledge/data/`:
  kb.toml                 the base's own metadata (the date it speaks for)
  states_reference.toml   the 197 states, generated from country libraries (knowledge/build_states.py)
  states.toml             our own names on top: former, exact-case, capitals used for governments
  groups.toml             names for several states at once ("the Baltic states")
  organisations/<id>.toml one organisation or programme and the facts of its membership
  treaties/<name>.toml    treaties; each makes a fact between its parties

A data file names its sources once, under [sources.<key>], and its facts refer to them by key.
Defaults for `verified` and `review_by` may be set once per file under [defaults].
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import tomllib
from pathlib import Path
from typing import Any

import pycountry
from pydantic import ValidationError

from knowledge import cache
from knowledge.base import KnowledgeBase
from knowledge.errors import DataFileError
from knowledge.models import Fact, Group, Organisation, Source, State, Status, Treaty

DATA_DIR = Path(__file__).parent / "data"

# pycountry keeps the states that no longer exist apart; these are the ones alliances history needs.
_HISTORIC = ("SUN", "DDR", "CSK", "YUG")


def load(data_dir: Path = DATA_DIR) -> KnowledgeBase:
    """The base in `data_dir`, validated; kept on disk by its content hash (knowledge.cache), so
    that a later start reads it in milliseconds instead of parsing and validating every file."""
    files = _data_files(data_dir)
    version = _content_hash(files)
    key = f"{version}-pycountry{pycountry.__version__}"
    kb = cache.cached("knowledge-base", key, lambda: _load(data_dir, files, version))
    # The base, like the modules imported before it, lives as long as the process: out of the
    # garbage collector's sight, no later collection walks it (with spaCy imported, one full
    # collection takes 0.1 s, and one comes at exit).
    gc.freeze()
    return kb


def _load(data_dir: Path, files: list[Path], version: str) -> KnowledgeBase:
    meta = _read(files[0])["knowledge_base"]
    states = _load_states(data_dir / "states_reference.toml", data_dir / "states.toml")
    organisations: dict[str, Organisation] = {}
    treaties: dict[str, Treaty] = {}
    facts: list[Fact] = []
    for path in sorted((data_dir / "organisations").glob("*.toml")):
        org, org_facts = _load_organisation(path)
        _add_unique(organisations, org.id, org, path, "organisation")
        facts += org_facts
    for path in sorted((data_dir / "treaties").glob("*.toml")):
        for treaty, treaty_facts in _load_treaties(path):
            if treaty is not None:
                _add_unique(treaties, treaty.id, treaty, path, f"treaty {treaty.id}")
            facts += treaty_facts
    kb = KnowledgeBase(
        as_of=dt.date.fromisoformat(str(meta["as_of"])),
        version=version,
        states=states,
        organisations=organisations,
        treaties=treaties,
        facts=facts,
        groups=_load_groups(data_dir / "groups.toml"),
    )
    _check_references(kb)
    return kb


def _data_files(data_dir: Path) -> list[Path]:
    meta = data_dir / "kb.toml"
    if not meta.exists():
        raise DataFileError(str(meta), None, "missing: the knowledge base needs its kb.toml")
    return [
        meta, data_dir / "states_reference.toml", data_dir / "states.toml", data_dir / "groups.toml",
        *sorted(data_dir.glob("*/*.toml")),
    ]


def _content_hash(files: list[Path]) -> str:
    """The base's version: a hash of its data, so caches and the bot's ledger can key on it."""
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _read(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(str(path), None, f"cannot read: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise DataFileError(str(path), None, f"not valid TOML: {exc}") from None


def _build(model, path: Path, entry: str, data: dict[str, Any]):
    try:
        return model(**data)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc']) or 'entry'}: {err['msg']}" for err in exc.errors()
        )
        raise DataFileError(str(path), entry, problems) from None


def _add_unique(table: dict, key: str, value, path: Path, entry: str) -> None:
    if key in table:
        raise DataFileError(str(path), entry, f"duplicate id {key!r}")
    table[key] = value


# --- states ---------------------------------------------------------------------------------


def _load_states(reference_path: Path, path: Path) -> dict[str, State]:
    """The generated reference list, then pycountry's historic states, then our own names on top."""
    reference = _read(reference_path)
    extra = _read(path)
    ambiguous = {n.lower() for n in extra.pop("ambiguous_names", [])}
    states: dict[str, State] = {}
    for code, ref in reference.items():
        country = pycountry.countries.get(alpha_3=code)
        iso_names = _usable_iso_names(country) if country else []
        states[code] = _state(code, ref, iso_names, extra.get(code, {}), path, ambiguous)
    for code in _HISTORIC:
        country = pycountry.historic_countries.get(alpha_3=code)
        entry = extra.get(code, {})
        iso_names = _usable_iso_names(country)
        short = iso_names[0] if iso_names else country.name
        states[code] = _state(code, {"short_name": short, "status": "historic"}, iso_names, entry, path)
    for code, entry in extra.items():
        if code in states:
            continue
        if "name" not in entry or "status" not in entry:
            raise DataFileError(
                str(path), f"[{code}]", "not in states_reference.toml: give it a name = and a status ="
            )
        states[code] = _state(code, {"short_name": entry["name"], "status": entry["status"]}, [], entry, path)
    return states


def _load_groups(path: Path) -> dict[str, Group]:
    groups: dict[str, Group] = {}
    for entry in _read(path).get("groups", []):
        group = _build(Group, path, f"group {entry.get('id')}", entry)
        _add_unique(groups, group.id, group, path, f"group {group.id}")
    return groups


def _usable_iso_names(country) -> list[str]:
    # "Korea, Republic of" is a catalogue entry, not a name anyone writes.
    names = [getattr(country, attr, None) for attr in ("common_name", "name", "official_name")]
    return [n for n in names if n and "," not in n and "(" not in n]


_STATE_KEYS = {"name", "status", "aliases", "exact_aliases", "demonyms", "capitals", "not_near"}


def _state(code: str, ref: dict, iso_names: list[str], entry: dict, path: Path, ambiguous: set[str] = frozenset()) -> State:
    """Reference names and pycountry's ISO names, with our own data on top."""
    unknown = set(entry) - _STATE_KEYS
    if unknown:
        raise DataFileError(str(path), f"[{code}]", f"unknown keys {sorted(unknown)}")
    name = entry.get("name") or ref["short_name"]
    exact = set(entry.get("exact_aliases", ()))
    names = [ref["short_name"], *ref.get("names", ()), *iso_names, *entry.get("aliases", ())]
    aliases = [n for n in dict.fromkeys(names) if n not in exact and n.lower() not in ambiguous]
    data = {
        "id": code,
        "name": name,
        "aliases": tuple(aliases),
        "exact_aliases": tuple(entry.get("exact_aliases", ())),
        "demonyms": tuple(dict.fromkeys([*ref.get("demonyms", ()), *entry.get("demonyms", ())])),
        "capitals": tuple(dict.fromkeys([*entry.get("capitals", ()), *ref.get("capitals", ())])),
        "not_near": tuple(entry.get("not_near", ())),
        "status": entry.get("status", ref["status"]),
        "un_member_since": ref.get("un_member_since"),
        "historic": ref["status"] == "historic",
    }
    return _build(State, path, f"[{code}]", data)


# --- organisations and treaties -------------------------------------------------------------


def _file_sources(doc: dict, path: Path) -> dict[str, Source]:
    return {
        key: _build(Source, path, f"[sources.{key}]", value)
        for key, value in doc.get("sources", {}).items()
    }


def _resolve_sources(keys: list[str], sources: dict[str, Source], path: Path, entry: str):
    if not isinstance(keys, list) or not keys:
        raise DataFileError(str(path), entry, "needs sources = [\"<key>\", ...] naming [sources.<key>]")
    missing = [k for k in keys if k not in sources]
    if missing:
        raise DataFileError(str(path), entry, f"unknown source keys {missing}: define [sources.{missing[0]}]")
    return tuple(sources[k] for k in keys)


def _load_organisation(path: Path) -> tuple[Organisation, list[Fact]]:
    doc = _read(path)
    sources = _file_sources(doc, path)
    if "organisation" not in doc:
        raise DataFileError(str(path), None, "needs an [organisation] table")
    raw = dict(doc["organisation"])
    raw["sources"] = _resolve_sources(raw.get("sources"), sources, path, "[organisation]")
    org = _build(Organisation, path, "[organisation]", raw)
    defaults = doc.get("defaults", {})
    facts = [
        _fact(dict(entry), org.id, defaults, sources, path, index)
        for index, entry in enumerate(doc.get("facts", []), start=1)
    ]
    return org, facts


def _fact(entry: dict, object_id: str, defaults: dict, sources, path: Path, index: int) -> Fact:
    label = f"fact #{index} ({entry.get('subject', '?')})"
    entry.setdefault("object", object_id)
    entry.setdefault("relation", defaults.get("relation"))
    entry.setdefault("verified", defaults.get("verified"))
    entry.setdefault("review_by", defaults.get("review_by"))
    entry["sources"] = _resolve_sources(entry.get("sources"), sources, path, label)
    entry.setdefault("id", f"{entry['subject']}-{entry['relation']}-{entry['object']}")
    return _build(Fact, path, label, entry)


def _load_treaties(path: Path):
    doc = _read(path)
    sources = _file_sources(doc, path)
    defaults = doc.get("defaults", {})
    for index, raw in enumerate(doc.get("treaties", []), start=1):
        raw = dict(raw)
        label = f"treaty #{index} ({raw.get('id', '?')})"
        raw["sources"] = _resolve_sources(raw.get("sources"), sources, path, label)
        verified = raw.pop("verified", defaults.get("verified"))
        review_by = raw.pop("review_by", defaults.get("review_by"))
        treaty = _build(Treaty, path, label, raw)
        # A multilateral treaty (the North Atlantic Treaty) is known by name; who is bound by it
        # is the membership of its organisation.
        bilateral = len(treaty.parties) == 2
        yield treaty, [_treaty_fact(treaty, verified, review_by, path, label)] if bilateral else []
    # Relations between two states that no single named treaty makes ("defence cooperation").
    for index, entry in enumerate(doc.get("facts", []), start=1):
        yield None, [_fact(dict(entry), entry.get("object"), defaults, sources, path, index)]


def _treaty_fact(treaty: Treaty, verified, review_by, path: Path, label: str) -> Fact:
    """A treaty between two parties is one symmetric fact; the judge reads it both ways."""
    if not treaty.relation.symmetric:
        raise DataFileError(str(path), label, "a treaty's relation is defense_pact or defense_cooperation")
    data = {
        "id": treaty.id,
        "subject": treaty.parties[0],
        "relation": treaty.relation,
        "object": treaty.parties[1],
        "start": treaty.in_force or treaty.signed,
        "end": treaty.end,
        "status": treaty.status,
        "via": treaty.id,
        "sources": treaty.sources,
        "verified": verified,
        "review_by": review_by,
    }
    return _build(Fact, path, label, data)


def _check_references(kb: KnowledgeBase) -> None:
    seen: set[str] = set()
    for fact in kb.facts:
        where = f"fact {fact.id}"
        if fact.id in seen:
            raise DataFileError("knowledge/data", where, "duplicate fact id: give one of them an id =")
        seen.add(fact.id)
        if fact.subject not in kb.states:
            raise DataFileError("knowledge/data", where, f"unknown state id {fact.subject!r}")
        target_ok = (
            fact.object in kb.states if fact.relation.symmetric else fact.object in kb.organisations
        )
        if not target_ok:
            raise DataFileError("knowledge/data", where, f"unknown object id {fact.object!r}")
        if fact.status is Status.ENDED and not fact.end and not fact.comment:
            raise DataFileError(
                "knowledge/data", where, "status 'ended' needs an end date, or a comment saying why none is known"
            )
    for org in kb.organisations.values():
        if org.parent and org.parent not in kb.organisations:
            raise DataFileError("knowledge/data", f"organisation {org.id}", f"unknown parent {org.parent!r}")
    for group in kb.groups.values():
        for member in group.members:
            if member not in kb.states:
                raise DataFileError("knowledge/data/groups.toml", f"group {group.id}", f"unknown state {member!r}")
    for treaty in kb.treaties.values():
        for party in treaty.parties:
            if party not in kb.states:
                raise DataFileError("knowledge/data", f"treaty {treaty.id}", f"unknown party {party!r}")
