"""The GitHub Actions workflows, checked offline: schema (check-jsonschema), security
(zizmor), and the rules of this project: pinned actions, least privilege, no deploy from
a pull request, one deploy at a time."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = ROOT / ".github" / "workflows"
FILES = sorted([*WORKFLOWS.glob("*.yml"), *WORKFLOWS.glob("*.yaml")])
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")
PIN_LINE = re.compile(r"uses:\s*\S+@[0-9a-f]{40}\s+#\s*v\d+\.\d+\.\d+\s*$")


def _tool(name: str) -> str:
    """A console script of the venv that runs the tests (requirements-test.txt pins it)."""
    path = Path(sys.executable).parent / name
    assert path.exists(), f"{name} is missing: pip install -r requirements-test.txt"
    return str(path)


def _load(path: Path) -> dict:
    workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
    if True in workflow:  # YAML 1.1 reads the key `on` as true
        workflow["on"] = workflow.pop(True)
    return workflow


def _jobs() -> list[tuple[str, str, dict]]:
    return [(f.name, name, job) for f in FILES for name, job in _load(f)["jobs"].items()]


def _uses(job: dict) -> list[str]:
    return [job["uses"]] if "uses" in job else [s["uses"] for s in job.get("steps", []) if "uses" in s]


def _deploy_jobs() -> list[tuple[str, str, dict]]:
    jobs = [j for j in _jobs() if any(u.startswith("actions/deploy-pages@") for u in _uses(j[2]))]
    assert jobs, "no job deploys to GitHub Pages"
    return jobs


def _runs(event: str, ref: str, condition: str) -> bool:
    """Evaluate an `if:` made of github.event_name, github.ref, string literals, ==, !=,
    &&, ||, ! and parentheses for one event; anything else fails the test."""
    condition = condition.strip().removeprefix("${{").removesuffix("}}")
    tokens = re.findall(r"\s+|'[^']*'|==|!=|&&|\|\||!|\(|\)|[\w.-]+", condition)
    assert "".join(tokens) == condition, f"cannot read the condition {condition!r}"
    words = {"github.event_name": repr(event), "github.ref": repr(ref), "&&": " and ", "||": " or ", "!": " not "}
    python = []
    for token in tokens:
        if token.strip() and token not in words and not re.fullmatch(r"'[^']*'|==|!=|\(|\)", token):
            pytest.fail(f"unexpected {token!r} in the condition {condition!r}")
        python.append(words.get(token, token))
    return bool(eval("".join(python), {"__builtins__": {}}, {}))  # noqa: S307 - only the tokens above


def test_there_are_workflows() -> None:
    assert FILES, "no workflow in .github/workflows"


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_workflow_matches_github_schema(path: Path) -> None:
    result = subprocess.run(
        [_tool("check-jsonschema"), "--builtin-schema", "vendor.github-workflows", str(path)],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_finds_nothing_of_medium_or_high_severity() -> None:
    result = subprocess.run(
        [_tool("zizmor"), "--offline", "--no-exit-codes", "--format", "json", str(WORKFLOWS)],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    findings = json.loads(result.stdout)
    serious = [
        f"{f['ident']} ({f['determinations']['severity']}): {f['desc']} at "
        + ", ".join(str(loc["concrete"]["location"]["start_point"]["row"] + 1) for loc in f["locations"])
        for f in findings
        if f["determinations"]["severity"] in {"Medium", "High"}
    ]
    assert not serious, "\n".join(serious)


def test_triggers() -> None:
    events = {event for f in FILES for event in _load(f)["on"]}
    assert {"push", "pull_request", "workflow_dispatch", "schedule"} <= events
    for f in FILES:
        on = _load(f)["on"]
        if "push" in on:
            assert (on["push"] or {}).get("branches") == ["main"], f"{f.name}: push builds main only"


def test_every_action_is_pinned_to_a_commit_with_its_version() -> None:
    for f in FILES:
        for line in f.read_text(encoding="utf-8").splitlines():
            if re.match(r"\s*(-\s+)?uses:", line) and "uses: ./" not in line:
                assert PIN_LINE.search(line), f"{f.name}: not pinned to a SHA with a '# vX.Y.Z' comment: {line.strip()}"
    for file, name, job in _jobs():
        for uses in _uses(job):
            assert uses.startswith("./") or PINNED.match(uses), f"{file}:{name}: {uses} is not pinned to a commit"


def test_permissions_are_least_privilege() -> None:
    for f in FILES:
        assert _load(f).get("permissions") in ({}, {"contents": "read"}), f"{f.name}: top-level permissions"
    deploys = {(file, name) for file, name, _ in _deploy_jobs()}
    for file, name, job in _jobs():
        permissions = job.get("permissions")
        assert isinstance(permissions, dict), f"{file}:{name}: give the job its own permissions"
        if (file, name) in deploys:
            assert permissions == {"pages": "write", "id-token": "write"}, f"{file}:{name}: {permissions}"
        else:
            assert set(permissions.values()) <= {"read", "none"}, f"{file}:{name} writes: {permissions}"


def test_deploy_never_runs_for_pull_requests() -> None:
    runs = {
        ("push", "refs/heads/main"): True,
        ("schedule", "refs/heads/main"): True,
        ("workflow_dispatch", "refs/heads/main"): True,
        ("workflow_dispatch", "refs/heads/draft"): False,
        ("pull_request", "refs/pull/7/merge"): False,
        ("pull_request", "refs/heads/main"): False,
    }
    for file, name, job in _deploy_jobs():
        assert "if" in job, f"{file}:{name} has no condition"
        for (event, ref), expected in runs.items():
            assert _runs(event, ref, job["if"]) is expected, f"{file}:{name} on {event} of {ref}"


def test_deploys_never_race() -> None:
    for file, name, job in _deploy_jobs():
        assert job.get("concurrency") == {"group": "pages", "cancel-in-progress": False}, f"{file}:{name}"


def test_deploy_job_shape() -> None:
    for file, name, job in _deploy_jobs():
        assert job["environment"] == {"name": "github-pages", "url": "${{ steps.deployment.outputs.page_url }}"}
        assert any(s.get("id") == "deployment" and s["uses"].startswith("actions/deploy-pages@") for s in job["steps"])
        assert job.get("needs"), f"{file}:{name} deploys before the build"


def test_jobs_have_timeouts_and_checkouts_keep_no_credentials() -> None:
    for file, name, job in _jobs():
        assert 0 < job.get("timeout-minutes", 0) <= 60, f"{file}:{name} needs a timeout"
        for step in job.get("steps", []):
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step.get("with", {}).get("persist-credentials") is False, f"{file}:{name}"


def test_build_tests_the_project_and_publishes_site_and_pdfs() -> None:
    steps = [s for _, _, job in _jobs() for s in job.get("steps", [])]
    commands = " ; ".join(s.get("run", "") for s in steps)
    for target in ("make test", "make site", "make pdf"):
        assert target in commands, f"no step runs {target}"
    python = [s for s in steps if s.get("uses", "").startswith("actions/setup-python@")]
    assert python and all(s["with"]["python-version"] == "3.11" for s in python)
    assert all(s["with"].get("cache") == "pip" and "requirements" in s["with"].get("cache-dependency-path", "") for s in python)
    uploads = {s["uses"].split("@")[0]: s.get("with", {}) for s in steps if "upload" in s.get("uses", "")}
    assert uploads["actions/upload-pages-artifact"]["path"].rstrip("/") == "site"
    assert uploads["actions/upload-artifact"]["path"].rstrip("/") == "pdf"
