"""What the claims layer produces: a claim is a statement plus how and where it was said."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from knowledge.models import Modality, Statement


class Claim(BaseModel):
    model_config = ConfigDict(frozen=True)

    statement: Statement
    modality: Modality = Field(description="Only assertions are judged and answered")
    text: str = Field(description="The sentence that makes the claim, as written")
    start: int = Field(description="Character offset of that sentence in the checked text")
    end: int
    subject_text: str = Field(description="How the writer named the subject ('Azerbaijan', 'it')")
    object_text: str
    extractor: str = Field(description="Which relation extractor found it, e.g. 'member_of'")
    pattern: str = Field(description="The syntactic path that linked subject and object")
    certainty: float = Field(ge=0, le=1, description="How sure extraction is (names, pronouns, pattern)")
    notes: tuple[str, ...] = Field(default=(), description="Why modality or negation was set")
