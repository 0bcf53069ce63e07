"""MkDocs entry (`hooks:` in mkdocs.yml): the site's events, implemented in `kda.wiring.events`.

MkDocs puts this folder on sys.path while it loads this file, so `kda` imports by its name.
"""

from kda.wiring.events import (  # noqa: F401  (MkDocs finds the events by their names)
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
