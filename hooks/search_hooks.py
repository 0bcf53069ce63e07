"""MkDocs entry (`hooks:` in mkdocs.yml): the Pagefind index, written after every build (`kda.outputs.search`)."""

from kda.outputs.search import on_post_build  # noqa: F401  (MkDocs finds the event by its name)
