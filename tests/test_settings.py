"""One settings object: mkdocs.yml and the environment are read in kda.settings and nowhere else."""

from __future__ import annotations

import ast
import datetime as dt

import pytest

from kda.settings import Environment, Settings, SettingsError

from conftest import ROOT, load_site_config


def test_the_file_and_the_loaded_config_give_the_same_settings():
    from_file = Settings.from_file(ROOT / "mkdocs.yml", environ={})
    from_config = Settings.from_config(load_site_config(ROOT), environ={})
    assert from_file == from_config
    assert from_file.categories_allowed and from_file.maintainer_pages and from_file.site_url


def test_environment_values_are_typed():
    environment = Environment.read({"KDA_TODAY": "2014-01-10", "KDA_TANPA_PDF": "1", "SOURCE_DATE_EPOCH": "1389312000",
                                    "KDA_CHROMIUM": "/opt/chromium"})
    assert environment == Environment(dt.date(2014, 1, 10), False, "/opt/chromium", 1389312000)
    assert environment.stamp() == dt.datetime(2014, 1, 10, tzinfo=dt.UTC)
    assert Environment.read({}) == Environment()


@pytest.mark.parametrize("variable, value, message", [
    ("KDA_TODAY", "10/1/2014", 'KDA_TODAY: harus berformat TTTT-BB-HH, misalnya 2014-01-10; tertulis "10/1/2014".'),
    ("KDA_TODAY", "2014-02-30", "KDA_TODAY: harus berformat TTTT-BB-HH"),
    ("SOURCE_DATE_EPOCH", "kemarin", "SOURCE_DATE_EPOCH: harus berupa bilangan detik sejak 1970"),
])
def test_a_wrong_value_is_told_in_indonesian(variable, value, message):
    with pytest.raises(SettingsError) as error:
        Environment.read({variable: value})
    assert message in str(error.value)


def _reads_environment_or_config(tree: ast.AST) -> list[str]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in ("environ", "getenv") and getattr(node.value, "id", "") == "os":
            found.append(f"os.{node.attr}")
        if isinstance(node, ast.Constant) and node.value == "mkdocs.yml" and not isinstance(getattr(node, "parent", None), ast.Expr):
            found.append('"mkdocs.yml"')
    return found


def test_nothing_else_reads_the_environment_or_mkdocs_yml():
    readers = {}
    for path in sorted((ROOT / "hooks" / "kda").rglob("*.py")):
        if path.name == "settings.py" or "tooling" in path.parts:
            continue
        found = _reads_environment_or_config(ast.parse(path.read_text(encoding="utf-8")))
        if found:
            readers[path.relative_to(ROOT).as_posix()] = found
    assert readers == {}
