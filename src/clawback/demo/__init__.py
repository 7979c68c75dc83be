"""Generating the reference case\x27s stand-in exhibits and running it end to end."""
