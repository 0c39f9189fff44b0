"""Evaluation harnesses: score Storyline's output against public reference data.

Development tools, not runtime code: the peers need `sumy` and the scorer
needs `rouge-score` (the `dev` extra).
"""
