"""Tests of the document readers (tests/readers)."""
