"""Ingest: files, directories, stdin and strings in; :class:`~wirelens.model.Article` out.

Readers for plain text (with optional front matter), HTML (via trafilatura) and
JSON/JSONL records.  ``Article.text`` is the decoded text with line breaks
normalised and nothing else changed, so every offset later stages report
indexes it.  Problems with a document become :class:`~wirelens.model.Failure`
values (errors are data), never exceptions that stop a batch.
"""

from wirelens.ingest.fields import article_id
from wirelens.ingest.reader import read_inputs, read_text

__all__ = ["article_id", "read_inputs", "read_text"]
