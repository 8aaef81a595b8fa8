"""Hostile and broken input: bombs, entity tricks, lying extensions, loops, odd files."""
