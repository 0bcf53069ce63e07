"""Infrastructure for the tests and the benchmarks, in one place: a copy of the project and its
builds (`project`), headless Chromium (`chromium`), a static server on loopback (`server`).

Not used by the site's build, except `chromium`, which the PDF printer shares.
"""
