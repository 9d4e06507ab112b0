"""CI and publishing: the workflows pass GitHub's schema and do what CONTRIBUTING.md says.

The schema check uses the GitHub workflow schema vendored inside check-jsonschema
(``--builtin-schema vendor.github-workflows``): no network. A broken copy of each
workflow must fail it, so the check can fail. Also checked here: the pre-commit
configuration and the VS Code setup.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from helpers.tools import tool

from i4ms.content.models import COLLECTIONS
from i4ms.content.yaml12 import load_mapping
from i4ms.tools.scaffold import kinds

REPO = Path(__file__).resolve().parents[1]
WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.yml"))
CI = REPO / ".github" / "workflows" / "ci.yml"
PAGES = REPO / ".github" / "workflows" / "pages.yml"


def load(file: Path) -> dict:
    """YAML 1.2, as GitHub reads it: the key ``on`` stays ``on``."""
    return load_mapping(file.read_text(encoding="utf-8"), 1).data


def steps(workflow: dict, job: str | None = None) -> list[dict]:
    jobs = [workflow["jobs"][job]] if job else list(workflow["jobs"].values())
    return [s for j in jobs for s in j.get("steps", [])]


def runs(workflow: dict, job: str | None = None) -> str:
    return "\n".join(s.get("run", "") for s in steps(workflow, job))


def uses(workflow: dict, action: str) -> list[dict]:
    return [s for s in steps(workflow) if s.get("uses", "").split("@")[0] == action]


def _offline() -> list[str]:
    """Run without a network when this machine allows it (an unprivileged user namespace)."""
    unshare = shutil.which("unshare")
    if unshare and subprocess.run([unshare, "-rn", "true"], capture_output=True).returncode == 0:
        return [unshare, "-rn"]
    return []


def check_jsonschema(*files: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*_offline(), tool("check-jsonschema"), "--builtin-schema",
         "vendor.github-workflows", *map(str, files)],
        capture_output=True, text=True, timeout=120,
    )


def test_both_workflows_exist() -> None:
    assert [p.name for p in WORKFLOWS] == ["ci.yml", "pages.yml"]


def test_workflows_pass_githubs_schema_offline() -> None:
    run = check_jsonschema(*WORKFLOWS)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "ok -- validation done" in run.stdout


@pytest.mark.parametrize(
    ("name", "old", "new", "error"),
    [
        ("ci.yml", "  pull_request:\n", "  pull_requests:\n", "pull_requests"),
        ("ci.yml", "    runs-on: ubuntu-latest\n    timeout-minutes: 20\n",
         "    timeout-minutes: 20\n", "'runs-on' is a required property"),
        ("pages.yml", "  pages: write\n", "  pages: writ\n", "writ"),
        ("pages.yml", "    needs: build\n", "    needs: [build\n", "parse"),
    ],
)
def test_a_broken_workflow_fails_the_check(tmp_path: Path, name: str, old: str, new: str,
                                           error: str) -> None:
    text = (REPO / ".github" / "workflows" / name).read_text(encoding="utf-8")
    assert old in text
    broken = tmp_path / name
    broken.write_text(text.replace(old, new, 1), encoding="utf-8")
    run = check_jsonschema(broken)
    assert run.returncode != 0, run.stdout
    assert error.lower() in (run.stdout + run.stderr).lower()


def test_the_event_key_is_on_not_true() -> None:
    for file in WORKFLOWS:
        assert "on" in load(file), file


def test_pull_requests_are_validated_built_previewed_and_tested() -> None:
    ci = load(CI)
    assert "pull_request" in ci["on"]
    assert ci["on"]["push"]["branches"] == ["main"]
    assert ci["permissions"] == {"contents": "read"}
    content = runs(ci, "content")
    assert ".venv/bin/i4ms validate content/ --format github" in content
    assert ".venv/bin/i4ms schema --check" in content
    assert ".venv/bin/i4ms fieldref --check CONTRIBUTING.md" in content
    assert "bash scripts/build.sh" in content
    assert ".venv/bin/mkdocs build --strict" in (REPO / "scripts" / "build.sh").read_text()
    (upload,) = uses(ci, "actions/upload-artifact")
    assert upload["with"]["path"] == "site/"
    assert upload["with"]["name"].startswith("site-preview-")
    order = [s.get("run", s.get("uses", "")) for s in steps(ci, "content")]
    assert order.index(".venv/bin/i4ms validate content/ --format github") < order.index(
        "bash scripts/build.sh") < order.index(upload["uses"])


def test_the_whole_suite_runs_in_ci_on_debian_with_chromium() -> None:
    test = load(CI)["jobs"]["test"]
    assert "bash scripts/test.sh" in runs(load(CI), "test")
    assert "bookworm" in test["container"]  # Debian: apt-get install chromium is the real one
    setup = (REPO / "scripts" / "setup.sh").read_text(encoding="utf-8")
    assert "apt-get install" in setup and "chromium" in setup
    assert "scripts/setup.sh --browser" in (REPO / "scripts" / "test.sh").read_text()
    (cache,) = uses(load(CI), "actions/cache")
    assert "hashFiles('pyproject.toml')" in cache["with"]["key"]


def test_main_is_built_and_deployed_to_pages_and_rebuilt_daily() -> None:
    pages = load(PAGES)
    assert pages["on"]["push"]["branches"] == ["main"]
    assert "workflow_dispatch" in pages["on"]
    (schedule,) = pages["on"]["schedule"]
    minute, hour, dom, month, dow = schedule["cron"].split()
    assert (dom, month, dow) == ("*", "*", "*") and minute.isdigit() and hour.isdigit()
    assert pages["permissions"]["pages"] == "write"
    assert pages["permissions"]["id-token"] == "write"
    build, deploy = pages["jobs"]["build"], pages["jobs"]["deploy"]
    assert "bash scripts/build.sh" in runs(pages, "build")
    assert "--format github" in runs(pages, "build")
    (artifact,) = uses(pages, "actions/upload-pages-artifact")
    assert artifact["with"]["path"] == "site/"
    assert [s["uses"].split("@")[0] for s in deploy["steps"]] == ["actions/deploy-pages"]
    assert deploy["needs"] == "build"
    assert deploy["environment"]["name"] == "github-pages"
    assert deploy["environment"]["url"] == "${{ steps.deployment.outputs.page_url }}"
    assert pages["concurrency"]["cancel-in-progress"] is False
    assert "steps" in build


def test_pip_is_cached_on_pyproject() -> None:
    found = 0
    for file in WORKFLOWS:
        for step in uses(load(file), "actions/setup-python"):
            assert step["with"]["cache"] == "pip", file
            assert step["with"]["cache-dependency-path"] == "pyproject.toml", file
            assert step["with"]["python-version"] == "3.11", file
            found += 1
    assert found == 2


def test_actions_are_pinned_to_a_major_version() -> None:
    for file in WORKFLOWS:
        for step in steps(load(file)):
            if "uses" in step:
                assert re.fullmatch(r"actions/[a-z-]+@v\d+", step["uses"]), step["uses"]


# --- pre-commit --------------------------------------------------------------------------


def test_pre_commit_config_is_valid() -> None:
    run = subprocess.run([tool("pre-commit"), "validate-config", ".pre-commit-config.yaml"],
                         cwd=REPO, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr


def test_pre_commit_hooks_run_the_ci_commands() -> None:
    config = load(REPO / ".pre-commit-config.yaml")
    (local,) = config["repos"]
    assert local["repo"] == "local"
    hooks = {h["id"]: h for h in local["hooks"]}
    assert hooks["i4ms-validate"]["entry"] == ".venv/bin/i4ms validate content/"
    assert hooks["i4ms-validate"]["pass_filenames"] is False
    assert re.search(hooks["i4ms-validate"]["files"], "content/experiments/x.md")
    assert hooks["i4ms-schema"]["entry"] == ".venv/bin/i4ms schema --check"
    assert re.search(hooks["i4ms-schema"]["files"], "src/i4ms/models/call.py")
    assert re.search(hooks["i4ms-schema"]["files"], "schemas/calls.schema.json")
    assert hooks["i4ms-fieldref"]["entry"] == ".venv/bin/i4ms fieldref --check CONTRIBUTING.md"
    assert re.search(hooks["check-github-workflows"]["files"], ".github/workflows/ci.yml")
    for hook in hooks.values():
        assert hook["language"] == "system"
        command = hook["entry"].split()
        assert (REPO / command[0]).is_file(), command[0]
        run = subprocess.run([*command, "--help"], cwd=REPO, capture_output=True, timeout=60)
        assert run.returncode == 0, hook["id"]


# --- VS Code -----------------------------------------------------------------------------


def vscode(name: str) -> dict:
    return json.loads((REPO / ".vscode" / name).read_text(encoding="utf-8"))


def test_vscode_maps_every_schema() -> None:
    mapping = vscode("settings.json")["yaml.schemas"]
    assert vscode("settings.json")["yaml.yamlVersion"] == "1.2"
    expected = {f"./schemas/{c}.schema.json": [f"content/{c}/*.md"] for c in COLLECTIONS}
    expected["./schemas/taxonomy.schema.json"] = ["content/taxonomy.yml"]
    assert mapping == expected
    assert {REPO / k for k in mapping} == set((REPO / "schemas").glob("*.schema.json"))
    assert vscode("extensions.json")["recommendations"] == ["redhat.vscode-yaml"]


def test_vscode_problem_matcher_reads_validate_output(tmp_path: Path, cli,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    tasks = {t["label"]: t for t in vscode("tasks.json")["tasks"]}
    validate = tasks["i4ms: validate content"]
    assert validate["args"] == ["validate", "content/"]
    pattern = validate["problemMatcher"]["pattern"]
    regexp = re.compile(pattern["regexp"])
    shutil.copytree(REPO / "tests" / "fixtures" / "site", tmp_path / "content")
    monkeypatch.chdir(tmp_path)
    assert cli("new", "call", "alpha-fab-open-call-3", "--content", "content")[0] == 0
    code, out, _ = cli("validate", "content/")
    assert code == 1
    *problems, count = out.strip().splitlines()
    assert count.endswith("problems found") and not regexp.match(count)
    for line in problems:
        match = regexp.match(line)
        assert match, line
        assert Path(match.group(pattern["file"])).is_file()
        assert int(match.group(pattern["line"])) > 0
        assert match.group(pattern["message"]).startswith("placeholder not filled in")
    inputs = {i["id"]: i for i in vscode("tasks.json")["inputs"]}
    assert sorted(inputs["kind"]["options"]) == sorted(kinds())
