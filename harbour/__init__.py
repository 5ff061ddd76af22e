"""Harbour: a free, safe, plain-English advice service for families in England."""
