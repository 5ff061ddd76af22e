"""Stored vectors of the advice, so no process embeds the knowledge base when it starts."""

from django.db import models


class PassageVector(models.Model):
    """One text's embedding, keyed by a hash of the model's name, the kind and the text."""

    key = models.CharField(max_length=64, primary_key=True)
    vector = models.BinaryField()
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.key[:12]
