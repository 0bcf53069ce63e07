"""Adaptations to third-party internals, one module per library: what the site relies on that the
library does not promise (a private attribute, its exact markup, where its files lie).

Each function names the internal and the pinned version it was written for (requirements.txt);
tests/test_compat.py pins those versions and checks that the internals are still there, so an
upgrade fails there first, with the function to re-check.
"""
