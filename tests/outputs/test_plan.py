"""The site plan runs its file jobs: those that start another process first, so it works
while the others run; every job's files arrive, and a path written twice is refused."""

from __future__ import annotations

import pytest

from i4ms.outputs.plan import Asset, OutputCollision, SitePlan


def _plan(calls: list[str]) -> SitePlan:
    plan = SitePlan()

    def plain(name: str):
        def job() -> list[Asset]:
            calls.append(name)
            return [Asset(f"{name}.json", name)]
        return job

    def process(name: str):
        def job():
            calls.append(f"start {name}")
            return lambda: calls.append(f"wait {name}") or [Asset(f"{name}.json", name)]
        return job

    plan.add_job(plain("badges"))
    plan.add_job(process("facets"), starts_process=True)
    plan.add_job(plain("opendata"))
    plan.add_job(process("site"), starts_process=True)
    return plan


def test_jobs_that_start_a_process_run_first_and_are_waited_for_last() -> None:
    calls: list[str] = []
    made = _plan(calls).run_jobs()
    assert calls == ["start facets", "start site", "badges", "opendata", "wait facets", "wait site"]
    assert sorted(a.path for a in made) == ["badges.json", "facets.json", "opendata.json", "site.json"]


def test_a_process_jobs_file_is_checked_like_any_other() -> None:
    plan = _plan([])
    plan.add_asset(Asset("site.json", "written twice"))
    with pytest.raises(OutputCollision, match="site.json"):
        plan.run_jobs()


def test_a_job_of_its_own_is_a_run_of_its_own_and_runs_are_checked_together() -> None:
    from i4ms.outputs.plan import check_runs

    calls: list[str] = []
    plan = _plan(calls)
    plan.add_job(lambda: calls.append("own") or [Asset("api/index.json", "{}")], own_run=True)
    shared, own = plan.runs()
    assert [a.path for a in own()] == ["api/index.json"] and calls == ["own"]
    assert sorted(a.path for a in shared()) == ["badges.json", "facets.json", "opendata.json",
                                                "site.json"]
    assert "own" not in calls[1:]  # the shared run did not make the other's files again
    check_runs([["a.json", "b.json"], ["c.json"]])
    with pytest.raises(OutputCollision, match="b.json"):
        check_runs([["a.json", "b.json"], ["b.json"]])
    assert sorted(a.path for a in plan.run_jobs())[0] == "api/index.json"  # in-process: all
