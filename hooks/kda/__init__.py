"""The site's code, one folder per layer (ARCHITECTURE.md):

- `kda.model`: the group's data, loaded and validated (no MkDocs imports);
- `kda.checks`: what refuses bad input (content safety, privacy, front matter, the macro sandbox);
- `kda.views`: the renderer and the page builders that feed the templates;
- `kda.outputs`: files beside the pages (calendar, cards, charts, PDFs, photos, search);
- `kda.wiring`: the MkDocs events, called from the entry files in `hooks/`.
"""
