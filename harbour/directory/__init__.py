"""The directory of help: organisations, their numbers and hours, and whether they are open now."""
