"""mkdocs-rss-plugin 1.19.0 (pinned in requirements.txt): where the plugin writes its feeds."""

from __future__ import annotations

from pathlib import Path

PLUGIN = "rss"  # the plugin's name in mkdocs.yml
RSS_FEEDS = ("rss_created", "rss_updated")  # the two RSS feeds (the JSON feeds are off in mkdocs.yml)


def feed_files(config) -> list[Path]:
    """The RSS feeds the plugin writes into the site (none when mkdocs.yml does not list it).

    Their names are the plugin's setting `feeds_filenames`, a sub-config whose keys are the
    plugin's names of its feeds (`rss_created`, `rss_updated`) (mkdocs-rss-plugin 1.19.0)."""
    rss = config.plugins.get(PLUGIN)
    names = rss.config.feeds_filenames if rss else {}
    return [Path(config.site_dir) / names[kind] for kind in RSS_FEEDS if kind in names]
