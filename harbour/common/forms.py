"""Form fields every app uses."""

from django import forms

from harbour.common.text import printable


class PrintableTextField(forms.CharField):
    """Free text with control characters read as spaces before any validation (a null byte
    included), so odd input gets the field's own kind message, never Django's."""

    def __init__(self, *args, keep_lines: bool = True, **kwargs) -> None:
        self.keep_lines = keep_lines
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        return printable(super().to_python(value), keep_lines=self.keep_lines).strip()
