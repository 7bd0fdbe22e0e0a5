"""Errors of the knowledge layer. Library code raises these; only the CLI prints them."""


class KnowledgeError(Exception):
    """Root of every error the knowledge layer raises."""


class DataFileError(KnowledgeError):
    """A data file is malformed or inconsistent; the message names the file and the entry."""

    def __init__(self, path: str, entry: str | None, problem: str):
        self.path, self.entry, self.problem = path, entry, problem
        where = f"{path}, {entry}" if entry else path
        super().__init__(f"{where}: {problem}")


class UnknownEntity(KnowledgeError):
    def __init__(self, entity_id: str):
        self.entity_id = entity_id
        super().__init__(f"no state, organisation or treaty with id {entity_id!r} in the knowledge base")
