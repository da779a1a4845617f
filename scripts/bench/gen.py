#!/usr/bin/env python3
"""Writes N distinct three-page progress reports (English) as zongjie data
files: different text, not only different numbers, so that Typst's memo cache
cannot serve one document from another.

usage: gen.py N OUT_DIR [SEED]
"""
import os
import random
import sys

SUBJECTS = ["the county", "the township", "the bureau", "the task force", "each village", "the working group",
            "the office", "the cooperative", "the first secretary", "the leading group", "every unit", "the team"]
VERBS = ["strengthened", "reviewed", "completed", "organised", "extended", "monitored", "simplified", "improved",
         "inspected", "financed", "trained", "coordinated", "published", "repaired", "surveyed", "assessed"]
OBJECTS = ["the irrigation network", "the household files", "the credit scheme", "the road to the market",
           "the training courses", "the health checks", "the school buses", "the tea gardens", "the drinking water",
           "the relocation sites", "the public accounts", "the village clinics", "the seed supply", "the loans",
           "the rice-duck farms", "the pig cooperative", "the solar plant", "the night school", "the archives"]
MANNER = ["ahead of schedule", "with the help of the province", "in every township", "after two rounds of checks",
          "at lower cost than planned", "under public supervision", "with the villagers' own labour",
          "in close cooperation with the banks", "despite the heavy rains", "on the basis of door-to-door surveys"]
RESULT = ["so that {n} households now benefit", "which raised incomes by {p} percent", "covering {n} people",
          "and {n} complaints were settled", "saving about {n} thousand yuan", "with {n} new jobs as a result",
          "and the work was praised by the county", "and the remaining {n} cases are being followed up"]
TITLES = ["Repair the irrigation network", "Pair cadres with poor households", "Extend microcredit",
          "Improve the village clinics", "Train young farmers", "Relocate households from the hills",
          "Build the solar plant", "Open the night school", "Survey every household", "Support the cooperatives",
          "Publish the public accounts", "Bring tap water to the villages", "Strengthen the Party branches"]


def sentence(rng):
    s = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(MANNER)}, "
    s += rng.choice(RESULT).format(n=rng.randint(3, 900), p=rng.randint(2, 40)) + "."
    return s[0].upper() + s[1:]


def paragraph(rng, n):
    return " ".join(sentence(rng) for _ in range(n))


def block(text, indent=6):
    pad = " " * indent
    return "|\n" + "\n".join(pad + line for line in text.split("\n")) + "\n"


def report(i, rng):
    title = f"Progress Report No. {i + 1} of the {rng.choice(['North', 'South', 'East', 'West', 'Upper', 'Lower'])} District"
    metrics = []
    for k in range(4):
        target = rng.randint(50, 5000)
        metrics.append(
            f"  - id: m{k}\n    label: {rng.choice(OBJECTS).capitalize()} {k}\n    unit: {rng.choice(['households', 'people', 'yuan', 'projects'])}\n"
            f"    target: {target}\n    actual: {rng.randint(10, target)}\n    previous: {rng.randint(5, target)}\n    last_year: {rng.randint(5, target)}\n")
    items = []
    titles = rng.sample(TITLES, 7)
    for k, t in enumerate(titles):
        body = "\n\n".join(paragraph(rng, rng.randint(3, 5)) for _ in range(rng.randint(1, 2)))
        cite = f"    metrics: [m{k % 4}]\n" if k < 4 else ""
        items.append(f"  - title: {t}\n    body: {block(body)}{cite}")
    problems = "".join(f"  - title: {t}\n    body: {block(paragraph(rng, 3))}"
                       for t in ["Progress is uneven", "Funds arrive late", "Some units lack drive"])
    steps = "".join(f"  - title: {t}\n    body: {block(paragraph(rng, 2))}    owner: {rng.choice(SUBJECTS).title()}\n    due: 2027-0{rng.randint(1, 9)}\n"
                    for t in rng.sample(TITLES, 4))
    return (f"title: {title}\norganization: District Office {i + 1}\nrecipient: County Government\n"
            f"date: 2026-11-05\nperiod: 2026-Q3\ndoc_kind: report\nintro: {block(paragraph(rng, 5), 2)}"
            f"metrics:\n{''.join(metrics)}progress:\n{''.join(items)}problems:\n{problems}next_steps:\n{steps}")


def main():
    n, out = int(sys.argv[1]), sys.argv[2]
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 20261128)
    os.makedirs(out, exist_ok=True)
    for i in range(n):
        with open(os.path.join(out, f"report-{i:04d}.yaml"), "w") as f:
            f.write(report(i, rng))


if __name__ == "__main__":
    main()
