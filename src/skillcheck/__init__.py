"""skillcheck: which soft skills a CV or cover letter evidences, mentions or misses."""

__version__ = "0.1.0"
