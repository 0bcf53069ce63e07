"""Browser checks (Playwright + Debian Chromium); fixtures in conftest.py."""
