"""Guided tools: which court protection could help, where am I in the process, deadlines, open now."""
