"""The pre-commit check (`scripts/periksa.py`): the project without a build, and the checks it runs."""
