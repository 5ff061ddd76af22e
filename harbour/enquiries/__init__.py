"""Enquiries and call-backs: the forms, the safe-contact profile, triage and the adviser queue."""
