"""Text a person typed, made safe to keep and show: control characters read as spaces."""


def printable(text: str, *, keep_lines: bool = True) -> str:
    """Every character that is not printable (a null byte, an escape) becomes a space; line
    breaks and tabs stay unless `keep_lines` is False."""
    kept = "\n\t" if keep_lines else ""
    return "".join(ch if ch.isprintable() or ch in kept else " " for ch in text)
