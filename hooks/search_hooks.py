"""MkDocs entry (`hooks:` in mkdocs.yml): the Pagefind index, written after every build (`kda.outputs.search`)."""

from kda.outputs.search import on_post_build

__all__ = ["on_post_build"]
