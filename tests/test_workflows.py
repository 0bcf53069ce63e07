"""The GitHub Actions workflows: valid (actionlint), and no job that runs submitted content
can read or use a token. A later edit that hands the build a write token, a secret, a
persisted checkout credential or a `pull_request_target` trigger fails here."""

from __future__ import annotations

import copy
import json
import re
import shutil
import subprocess

import pytest
import yaml

from conftest import ROOT, copy_project, run_cli_build

WORKFLOWS = ROOT / ".github" / "workflows"
MATCHER = ROOT / ".github" / "kda-matcher.json"
CHECKS = "periksa.yml"
PAGES = "terbitkan.yml"

READ_ONLY = {"contents": "read"}
DEPLOY = {"pages": "write", "id-token": "write"}
PRIVILEGED_TRIGGERS = {"pull_request_target", "workflow_run"}
PINNED = re.compile(r"^[\w.-]+/[\w.-]+(?:/[\w./-]+)?@[0-9a-f]{40}$")
DEPLOY_ACTION = "actions/deploy-pages@"


def load(name: str) -> dict:
    return yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))


def triggers(workflow: dict) -> dict:
    # PyYAML reads the bare key `on` as the boolean True (YAML 1.1).
    value = workflow.get("on", workflow.get(True))
    if isinstance(value, str):
        return {value: None}
    if isinstance(value, list):
        return dict.fromkeys(value)
    return value or {}


def run_commands(job: dict) -> list[str]:
    return [step["run"] for step in job.get("steps", []) if "run" in step]


def uses(job: dict) -> list[str]:
    return [step["uses"] for step in job.get("steps", []) if "uses" in step]


def workflow_problems(name: str, workflow: dict, text: str) -> list[str]:
    """Every way this workflow could hand a token or a secret to project code."""
    problems = []
    for trigger in PRIVILEGED_TRIGGERS & set(triggers(workflow)):
        problems.append(f"{name}: trigger {trigger} runs with the base repository's token")
    for needle in ("secrets.", "github.token", "GITHUB_TOKEN", "write-all", "read-all"):
        if needle in text:
            problems.append(f"{name}: mentions {needle}")
    top = workflow.get("permissions")
    if top not in ({}, READ_ONLY):
        problems.append(f"{name}: top-level permissions must be {{}} or contents: read, not {top!r}")
    for job_id, job in workflow["jobs"].items():
        problems += job_problems(f"{name}: job {job_id}", job, top)
    return problems


def job_problems(where: str, job: dict, top) -> list[str]:
    problems = []
    permissions = job.get("permissions", top)
    for action in uses(job):
        if not action.startswith("./") and not PINNED.match(action):
            problems.append(f"{where}: {action} is not pinned to a full commit SHA")
    if permissions == DEPLOY:
        if run_commands(job) or len(uses(job)) != 1 or not uses(job)[0].startswith(DEPLOY_ACTION):
            problems.append(f"{where}: a job with {DEPLOY} may only run actions/deploy-pages")
        if any("with" in step for step in job["steps"]) or not job.get("needs"):
            problems.append(f"{where}: the deploy step takes no inputs and needs the build job")
    elif permissions not in ({}, READ_ONLY):
        problems.append(f"{where}: permissions {permissions!r}; a job that runs project code gets contents: read only")
    for step in job.get("steps", []):
        checkout = step.get("uses", "").startswith("actions/checkout@")
        if checkout and (step.get("with") or {}).get("persist-credentials") is not False:
            problems.append(f"{where}: actions/checkout without persist-credentials: false")
    return problems


def all_workflows() -> dict[str, tuple[dict, str]]:
    return {path.name: (yaml.safe_load(path.read_text(encoding="utf-8")), path.read_text(encoding="utf-8"))
            for path in sorted(WORKFLOWS.glob("*.y*ml"))}


# --- the workflows as committed ------------------------------------------------------------

def test_actionlint_finds_no_problem():
    actionlint = shutil.which("actionlint")
    assert actionlint, "actionlint is missing: python3 -m pip install -r requirements-test.txt"
    result = subprocess.run([actionlint, "-no-color"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_job_that_runs_project_code_can_use_a_token():
    workflows = all_workflows()
    assert set(workflows) >= {CHECKS, PAGES}
    problems = [p for name, (workflow, text) in workflows.items() for p in workflow_problems(name, workflow, text)]
    assert problems == []


def test_checks_run_on_every_pull_request_and_push_with_the_readme_commands():
    workflow = load(CHECKS)
    assert {"pull_request", "push"} <= set(triggers(workflow))
    assert triggers(workflow)["push"] is None and triggers(workflow)["pull_request"] is None  # every branch
    (job,) = workflow["jobs"].values()
    commands = "\n".join(run_commands(job))
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    test_command = "python3 -m venv .venv && . .venv/bin/activate && pip install -r requirements-test.txt && python -m pytest -n auto"
    assert test_command in readme
    for part in test_command.split(" && "):
        assert part in commands
    assert "mkdocs build --strict" in commands
    assert "python tests/season.py" in commands  # the season lane (README, "Tests")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "python tests/season.py" in ci and test_command.rsplit(" && ", 1)[0].replace("-r", "-q -r") in ci
    assert "::add-matcher::.github/kda-matcher.json" in commands
    setup = next(step for step in job["steps"] if step.get("uses", "").startswith("actions/setup-python@"))
    assert setup["with"]["cache"] == "pip"


def test_pages_are_built_read_only_and_deployed_by_a_job_that_runs_no_project_code():
    workflow = load(PAGES)
    on = triggers(workflow)
    assert on["push"] == {"branches": ["main"]}
    assert on["schedule"], "a daily rebuild keeps the next meeting current"
    build, deploy = workflow["jobs"]["bangun"], workflow["jobs"]["terbitkan"]
    assert build["permissions"] == READ_ONLY
    assert "mkdocs build --strict" in run_commands(build)
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses(build))
    assert deploy["permissions"] == DEPLOY
    assert deploy["needs"] == "bangun"
    assert deploy["environment"]["name"] == "github-pages"
    assert [step.keys() - {"name", "id"} for step in deploy["steps"]] == [{"uses"}]


@pytest.mark.parametrize("edit, expected", [
    (lambda w: w["jobs"]["bangun"].__setitem__("permissions", {"contents": "write"}), "contents: read only"),
    (lambda w: w["jobs"]["bangun"]["steps"][0]["with"].__setitem__("persist-credentials", True), "persist-credentials"),
    (lambda w: w["jobs"]["terbitkan"]["steps"].insert(0, {"run": "python3 hooks/site.py"}), "may only run actions/deploy-pages"),
    (lambda w: w["jobs"]["bangun"].__setitem__("permissions", dict(DEPLOY)), "may only run actions/deploy-pages"),
    (lambda w: w.__setitem__(True, {"pull_request_target": None}), "pull_request_target"),
    (lambda w: w["jobs"]["bangun"]["steps"][1].__setitem__("uses", "actions/setup-python@v5"), "not pinned"),
    (lambda w: w["jobs"]["bangun"].pop("permissions") and w.__setitem__("permissions", {"contents": "write"}), "top-level"),
])
def test_an_edit_that_hands_the_build_a_token_is_caught(edit, expected):
    workflow = copy.deepcopy(load(PAGES))
    edit(workflow)
    problems = workflow_problems(PAGES, workflow, yaml.safe_dump(workflow))
    assert any(expected in p for p in problems), problems


def test_a_secret_in_the_workflow_text_is_caught():
    workflow = load(PAGES)
    text = (WORKFLOWS / PAGES).read_text(encoding="utf-8") + "\n# ${{ secrets.DEPLOY_KEY }}\n"
    assert any("secrets." in p for p in workflow_problems(PAGES, workflow, text))


# --- annotations: the problem matcher on real messages ----------------------------------------

def annotations(output: str) -> list[dict]:
    """What GitHub shows for `output` with .github/kda-matcher.json: the first matcher whose
    pattern matches a line makes one annotation (file, line, message)."""
    matchers = json.loads(MATCHER.read_text(encoding="utf-8"))["problemMatcher"]
    found = []
    for line in output.splitlines():
        for matcher in matchers:
            (pattern,) = matcher["pattern"]
            match = re.search(pattern["regexp"], line)
            if match:
                found.append({key: match[pattern[key]] for key in ("file", "line", "message") if key in pattern})
                break
    return found


@pytest.mark.build
def test_the_matcher_puts_each_data_message_on_its_file_and_line(tmp_path):
    project = copy_project(tmp_path / "project")
    path = project / "data" / "pertemuan.yml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines) if line == "  tanggal: 2014-01-16\n")
    lines[number] = "  tanggal: 16/1/2014\n"
    path.write_text("".join(lines), encoding="utf-8")
    result = run_cli_build(project)
    assert result.returncode == 1
    found = annotations(result.stdout + result.stderr)
    date_problem = next(a for a in found if "tanggal" in a["message"] and a.get("file"))
    assert date_problem["file"] == "data/pertemuan.yml"
    assert date_problem["line"] == str(number + 1)
    assert date_problem["message"].startswith("pertemuan 2, tanggal: harus berupa tanggal berformat TTTT-BB-HH")
    assert any(a.get("file") is None and a["message"].startswith("Data di folder data/ tidak sah") for a in found)


@pytest.mark.build
def test_the_matcher_names_the_page_and_shows_mkdocs_own_warnings(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "docs" / "pertemuan" / "16-tambahan.md").write_text("## Isi\n", encoding="utf-8")
    found = annotations(run_cli_build(project).stderr)
    assert {"file": "docs/pertemuan/16-tambahan.md", "line": None,
            "message": "tidak ada pertemuan 16 di data/pertemuan.yml. Perbaiki nomor di awal nama berkas, "
                       "atau tambahkan pertemuan 16 ke data."} in found

    project = copy_project(tmp_path / "project2")
    with (project / "docs" / "tor.md").open("a", encoding="utf-8") as page:
        page.write("\n[tautan rusak](tidak-ada.md)\n")
    (project / "docs" / "catatan-lepas.md").write_text("# Catatan lepas\n", encoding="utf-8")  # in no navigation
    found = annotations(run_cli_build(project).stderr)
    line = len((project / "docs" / "tor.md").read_text(encoding="utf-8").splitlines())
    assert {"file": "docs/tor.md", "line": str(line),
            "message": 'tautan "tidak-ada.md" tidak menuju halaman atau berkas mana pun di situs. '
                       "(ditemukan pada HTML hasil)"} in found, found
    assert any(a.get("file") is None and a["message"].startswith("The following pages exist in the docs directory")
               for a in found), found
