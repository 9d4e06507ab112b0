"""Synthetic content for benchmarks: a valid `content/` tree of any size. Never published.

    from synthetic import generate          # from a script in bench/
    from bench.synthetic import generate    # from the repository root

    counts = generate(Path("/tmp/content"), n=10_000, seed=0)

``n`` is the total number of items. Most are experiments (success stories with the four
sections, 2-3 partners, technologies, sectors, sometimes grants and quotes); the rest are
organisations (~n/3), projects (~n/100, at least 2), calls (~n/50), offerings (~n/50) and
the two labels. The taxonomy is the real one, copied from ``content/taxonomy.yml``. Every
file says in its ``sources`` and its body that it is synthetic benchmark data.

The output is deterministic for a given ``(n, seed)`` and validates cleanly with
`i4ms validate`.
"""

from __future__ import annotations

import json
import random
import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
TAXONOMY = REPO / "content" / "taxonomy.yml"

SOURCES = 'sources:\n  - title: "SYNTHETIC benchmark data, not published"\n'
NOTE = "Synthetic benchmark data."

COUNTRIES = ["AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR",
             "HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "NO", "PL", "PT", "RO", "SE",
             "SI", "SK", "CH", "IS", "TR", "RS", "UA"]
TIMEZONES = ["Europe/Brussels", "Europe/Madrid", "Europe/Berlin", "Europe/Lisbon",
             "Europe/Helsinki", "Europe/Oslo", "Atlantic/Canary", "UTC"]
ORG_TYPES = ["sme"] * 12 + ["midcap", "large", "research", "university", "public", "other"]
EVENT_KINDS = ["webinar", "info-day", "qa-session", "workshop"]
REGIONS = ["North", "South", "East", "West", "Centre", "Coast", "Valley", "Highlands"]

PREFIXES = ["Nordic", "Alpine", "Baltic", "Iberian", "Danube", "Atlantic", "Carpathian",
            "Adriatic", "Rhine", "Aegean", "Pannonian", "Celtic", "Meuse", "Tagus", "Oder"]
TRADES = ["Robotics", "Metalworks", "Plastics", "Textiles", "Foods", "Composites", "Optics",
          "Machining", "Castings", "Electronics", "Dairy", "Woodworks", "Coatings", "Motion",
          "Sensors", "Printing", "Fluidics", "Lasers", "Ceramics", "Packaging"]
FORMS = ["GmbH", "SL", "Srl", "AS", "Oy", "BV", "SA", "Ltd", "AB", "d.o.o.", "Kft", "sp. z o.o."]
VERBS = ["Predicting", "Optimising", "Monitoring", "Automating", "Simulating", "Scheduling",
         "Inspecting", "Digitising", "Recycling", "Calibrating", "Tracing", "Welding"]
OBJECTS = ["spindle wear", "weld seams", "mould temperatures", "fabric defects",
           "energy use", "batch quality", "tool paths", "cooling cycles", "paint thickness",
           "pallet flows", "rotor balance", "resin curing", "grinding noise", "dosing pumps",
           "press lines", "injection moulds", "cheese ripening", "laser cladding"]
MEANS = ["with a digital twin", "with cloud HPC", "with machine learning", "with a cobot",
         "with IoT sensors", "with 3D printing", "with computer vision", "on the edge",
         "with a simulation model", "with augmented reality"]
WORDS = ["production", "line", "operator", "machine", "data", "model", "cloud", "sensor",
         "cell", "quality", "scrap", "throughput", "energy", "customer", "batch", "plant",
         "supplier", "schedule", "maintenance", "downtime", "prototype", "simulation", "twin",
         "robot", "camera", "dashboard", "analytics", "platform", "service", "workshop",
         "training", "partner", "hub", "experiment", "pilot", "market", "export", "order",
         "cost", "time"]


@dataclass
class _Vocab:
    technologies: list[str]
    sectors: list[str]
    roles: list[str]
    offering_categories: list[str]
    technology_areas: list[str]


def _vocab(taxonomy: Path) -> _Vocab:
    data = yaml.safe_load(taxonomy.read_text(encoding="utf-8"))
    return _Vocab(**{k: [t["id"] for t in data[k]] for k in _Vocab.__dataclass_fields__})


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _flow(ids: list[str]) -> str:
    return "[" + ", ".join(ids) + "]"


def _write(folder: Path, item_id: str, front: str, body: str) -> None:
    (folder / f"{item_id}.md").write_text(
        f"---\n{front}{SOURCES}---\n{NOTE}\n\n{body}", encoding="utf-8"
    )


def _sentence(rng: random.Random, n: int = 12) -> str:
    words = rng.choices(WORDS, k=n)
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def _paragraph(rng: random.Random, sentences: int) -> str:
    return " ".join(_sentence(rng, rng.randint(8, 16)) for _ in range(sentences))


def counts_for(n: int) -> dict[str, int]:
    """How many items of each collection ``generate(root, n)`` writes."""
    if n < 10:
        raise ValueError("n must be at least 10")
    counts = {
        "projects": max(2, n // 100),
        "organisations": max(4, n // 3),
        "calls": max(1, n // 50),
        "offerings": max(1, n // 50),
        "labels": 2,
        "events": max(1, n // 100),
        "news": max(1, n // 100),
    }
    counts["experiments"] = n - sum(counts.values())
    return counts


def generate(root: Path, n: int, seed: int = 0) -> dict[str, int]:
    """Write ``n`` synthetic items and the real taxonomy into ``root``; return the counts."""
    rng = random.Random(seed)
    counts = counts_for(n)
    root = Path(root)
    root.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(TAXONOMY, root / "taxonomy.yml")
    vocab = _vocab(TAXONOMY)
    dirs = {}
    for name in ("projects", "experiments", "organisations", "calls", "offerings", "labels",
                 "events", "news"):
        dirs[name] = root / name
        dirs[name].mkdir(exist_ok=True)

    # labels
    _write(dirs["labels"], "i4ms-sae-label",
           'name: "I4MS-SAE label"\nkind: label\ncriteria:\n'
           '  - text: "The experiment completed and reported its results."\n'
           '    group: Completion\n  - "A success story is published."\n', "")
    _write(dirs["labels"], "disruptors-award",
           'name: "Disruptors Award"\nkind: award\ncriteria:\n'
           '  - "Disruptive use of digital technology."\n', "")

    # organisations: a few in twenty are hubs, so experiments can name a DIH partner
    orgs: list[str] = []
    dihs: list[str] = []
    for i in range(counts["organisations"]):
        is_dih = i % 20 == 0
        prefix, trade = rng.choice(PREFIXES), rng.choice(TRADES)
        org_id = f"org-{i:05d}-{prefix.lower()}-{trade.lower()}"
        name = (f"{prefix} Digital Innovation Hub {i}" if is_dih
                else f"{prefix} {trade} {rng.choice(FORMS)} {i}")
        kind = "dih" if is_dih else rng.choice(ORG_TYPES)
        front = (f"name: {_q(name)}\ncountry: {rng.choice(COUNTRIES)}\ntype: {kind}\n"
                 f"region: {rng.choice(REGIONS)}\nwebsite: https://{org_id}.example/\n"
                 f"summary: {_q(f'{name}: {_sentence(rng)}')}\n")
        if rng.random() < 0.02:
            front += f"grants:\n  - label: disruptors-award\n    year: {rng.randint(2019, 2025)}\n"
        _write(dirs["organisations"], org_id, front, _paragraph(rng, 2) + "\n")
        (dihs if is_dih else orgs).append(org_id)

    # projects: phase 1-4 innovation actions, the first one a CSA
    projects: list[str] = []
    for i in range(counts["projects"]):
        proj_id = f"project-{i:03d}"
        started = 2015 + (i % 10)
        areas = rng.sample(vocab.technology_areas, 2)
        front = (f"name: {_q(f'Synthetic innovation action {i}')}\nacronym: SYN{i:03d}\n"
                 f"phase: {1 + i % 4}\nkind: {'csa' if i == 0 else 'innovation-action'}\n"
                 f"website: https://{proj_id}.example/\ncoordinator: {rng.choice(orgs)}\n"
                 f"started: {started}-01-01\nended: {started + 3}-12-31\n"
                 f"technology_areas: {_flow(areas)}\n"
                 f"dihs: {_flow(rng.sample(dihs, min(2, len(dihs))))}\n"
                 f"summary: {_q(_sentence(rng))}\n")
        _write(dirs["projects"], proj_id, front, _paragraph(rng, 3) + "\n")
        projects.append(proj_id)

    # calls: date-only, naive in a time zone, or with an offset; some open until 2031
    calls: dict[str, str] = {}
    for i in range(counts["calls"]):
        call_id = f"call-{i:04d}"
        project = projects[i % len(projects)]
        year = 2018 + i % 9
        style = i % 4
        if style == 0:
            dates = f"opens: {year}-03-01\ncloses: {year}-05-31\n"
        elif style == 1:
            dates = (f"opens: {year}-09-01T09:00:00\ncloses: {year}-11-30T17:00:00\n"
                     f"timezone: {rng.choice(TIMEZONES)}\n")
        elif style == 2:
            dates = f"opens: {year}-01-15T10:00:00+01:00\ncloses: {year}-04-15T17:00:00+02:00\n"
        else:
            dates = "opens: 2025-10-01\ncloses: 2031-06-30T17:00:00\n"
        front = (f"title: {_q(f'Synthetic open call {i}')}\nproject: {project}\n"
                 f"identifier: SYN-OC-{i:04d}\n{dates}url: https://{project}.example/{call_id}\n"
                 f"budget:\n  amount: {rng.randint(5, 40) * 100000}\n"
                 f"max_per_experiment: {rng.randint(5, 20) * 10000}\n"
                 f"eligible_countries: {_flow(rng.sample(COUNTRIES, 5))}\n"
                 f"technology_areas: {_flow(rng.sample(vocab.technology_areas, 2))}\n"
                 f"summary: {_q(_sentence(rng))}\n")
        _write(dirs["calls"], call_id, front, _paragraph(rng, 2) + "\n")
        calls[call_id] = project

    # offerings of projects and organisations
    for i in range(counts["offerings"]):
        provider = rng.choice(projects) if i % 2 else rng.choice(dihs + orgs[:50])
        front = (f"title: {_q(f'Synthetic offering {i}')}\nprovider: {provider}\n"
                 f"category: {rng.choice(vocab.offering_categories)}\n"
                 f"url: https://{provider}.example/offering-{i}\n"
                 f"technologies: {_flow(rng.sample(vocab.technologies, 2))}\n"
                 f"countries: {_flow(rng.sample(COUNTRIES, 3))}\n"
                 f"summary: {_q(_sentence(rng))}\n")
        _write(dirs["offerings"], f"offering-{i:04d}", front, _paragraph(rng, 2) + "\n")

    # experiments: success stories with 2-3 partners
    call_ids = list(calls)
    exp_ids: list[str] = []
    provider_roles = [r for r in vocab.roles if r not in ("end-user", "dih")]
    for i in range(counts["experiments"]):
        title = f"{rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(MEANS)}"
        exp_id = f"ae-{i:05d}-" + "-".join(title.lower().split()[:2])
        call = call_ids[i % len(call_ids)] if i % 3 else None
        project = calls[call] if call else rng.choice(projects)
        end_user, provider = rng.sample(orgs, 2)
        partners = (f"  - organisation: {end_user}\n    role: end-user\n"
                    f"  - organisation: {provider}\n    role: {rng.choice(provider_roles)}\n")
        if i % 2:
            partners += f"  - organisation: {rng.choice(dihs)}\n    role: dih\n"
        front = (f"title: {_q(title)}\nacronym: AE{i:05d}\nproject: {project}\n"
                 + (f"call: {call}\nwave: {1 + i % 3}\n" if call else "")
                 + f"partners:\n{partners}"
                 f"technologies: {_flow(rng.sample(vocab.technologies, rng.randint(1, 3)))}\n"
                 f"sectors: {_flow(rng.sample(vocab.sectors, rng.randint(1, 2)))}\n"
                 f"summary: {_q(f'{title}: {_sentence(rng)}')}\n")
        if rng.random() < 0.15:
            front += f"grants:\n  - label: i4ms-sae-label\n    year: {rng.randint(2018, 2025)}\n"
        if rng.random() < 0.2:
            front += (f"quotes:\n  - text: {_q(_sentence(rng))}\n"
                      f"    person: {_q(f'Person {i}')}\n    organisation: {end_user}\n")
        if rng.random() < 0.5:
            year = rng.randint(2016, 2024)
            front += f"started: {year}-0{rng.randint(1, 9)}-01\nended: {year + 1}-06-30\n"
        body = "".join(
            f"## {section}\n\n{_paragraph(rng, rng.randint(2, 4))}\n\n"
            for section in ("Challenge", "Solution", "Results", "Impact")
        )
        _write(dirs["experiments"], exp_id, front, body)
        exp_ids.append(exp_id)

    # events: webinars and info days of projects, some ahead, with agendas; news of projects
    for i in range(counts["events"]):
        project = projects[i % len(projects)]
        speaker = rng.choice(orgs)
        year = 2019 + i % 12
        front = (f"title: {_q(f'Synthetic webinar {i}')}\nkind: {rng.choice(EVENT_KINDS)}\n"
                 f"starts: {year}-0{1 + i % 9}-15T10:00:00\nends: {year}-0{1 + i % 9}-15T12:00:00\n"
                 f"timezone: {rng.choice(TIMEZONES)}\nonline: true\norganisers: [{project}]\n"
                 f"speakers:\n  - name: {_q(f'Speaker {i}')}\n    organisation: {speaker}\n"
                 f"agenda:\n  - time: \"10:00\"\n    title: Welcome\n"
                 f"  - time: \"10:15\"\n    title: {_q(_sentence(rng)[:60])}\n"
                 f"    speakers: [{_q(f'Speaker {i}')}]\n"
                 f"technologies: {_flow(rng.sample(vocab.technologies, 2))}\n"
                 f"summary: {_q(_sentence(rng))}\n")
        _write(dirs["events"], f"event-{i:04d}", front, _paragraph(rng, 2) + "\n")
    for i in range(counts["news"]):
        front = (f"title: {_q(f'Synthetic news {i}')}\ndate: {2019 + i % 7}-0{1 + i % 9}-10\n"
                 f"authors: [{projects[i % len(projects)]}]\n"
                 f"related: [{rng.choice(exp_ids)}]\nsummary: {_q(_sentence(rng))}\n")
        _write(dirs["news"], f"news-{i:04d}", front, _paragraph(rng, 2) + "\n")
    return counts


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path)
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    print(generate(args.root, args.n, args.seed))
