"""The renderer and the page builders that feed the templates in `docs/.templates/`."""
