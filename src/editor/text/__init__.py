"""Text views shared by the rule engine and the spell checker: folding, offsets, tokens."""
