"""MkDocs entry (`hooks:` in mkdocs.yml): the site's events, implemented in `kda.wiring.events`.

MkDocs puts this folder on sys.path while it loads this file, so `kda` imports by its name.
MkDocs finds the events by their names: each is re-exported here.
"""

from kda.wiring.events import (
    on_build_error,
    on_config,
    on_env,
    on_files,
    on_nav,
    on_page_content,
    on_page_context,
    on_page_markdown,
    on_post_build,
    on_post_page,
    on_pre_build,
)

__all__ = ["on_config", "on_pre_build", "on_files", "on_nav", "on_page_markdown", "on_page_content",
           "on_page_context", "on_env", "on_post_page", "on_post_build", "on_build_error"]
