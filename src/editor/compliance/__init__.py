"""The compliance engine: rule packs as data, one-pass matching, context, findings."""
