"""The benchmark of issue 8: throughput, scaling, cold start and memory, measured against the
full spaCy pipeline and a bare keyword scan on a seeded forum-like corpus.

    python -m bot.bench            # about five minutes on two cores; --help for options
"""
