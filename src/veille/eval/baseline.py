"""The quality gate's baseline: per set of articles, a floor for each metric (a ceiling for merges).

The file looks like ``{"comment": "…", "sets": {"seed": {"entities.f1": 0.83, …}, "dev": {…}}}``.
Floors only ever go up: ``raise_floors`` never lowers one (nor raises a ceiling), so a
regression cannot be hidden by re-running it.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from veille.errors import SettingsError
from veille.eval.scores import LOWER_IS_BETTER, Metric

Floors = dict[str, float]


def read_baseline(path: Path) -> dict[str, Any]:
    """Read a baseline file; a missing one is an empty baseline."""
    if not path.exists():
        return {"sets": {}}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise SettingsError(f"cannot read baseline: {error}", where=str(path)) from None
    if not isinstance(data, dict) or not isinstance(data.get("sets"), dict):
        raise SettingsError('not a baseline: expected {"sets": {NAME: {METRIC: FLOOR}}}', where=str(path))
    return data


def floors_for(path: Path, name: str) -> Floors:
    """Return the floors of one set; SettingsError when the file has no such set."""
    sets = read_baseline(path)["sets"]
    if name not in sets:
        raise SettingsError(
            f"no set {name!r} in the baseline (sets: {', '.join(sets) or 'none'})", where=str(path)
        )
    return dict(sets[name])


# A ratio such as 4/5 computed as 0.7999999999999999 earns the floor 0.80 and must pass it:
# raising and checking both allow this much below the decimal they mean.
_BINARY_SLACK = 1e-9


def below_floor(metrics: Mapping[str, Metric], floors: Mapping[str, float]) -> list[str]:
    """Return one line per metric below its floor (or above its ceiling); empty when all pass.

    An undefined metric (nothing to measure, such as a date accuracy with no matched
    event) counts as 0, so it passes a floor of 0 and fails any higher floor.
    """
    failures: list[str] = []
    for metric, floor in sorted(floors.items()):
        if metric not in metrics:
            failures.append(f"{metric}: unknown metric (floor {floor})")
            continue
        value = metrics[metric] or 0
        if metric in LOWER_IS_BETTER:
            if value > floor:
                failures.append(f"{metric}: {value:g} above its ceiling {floor:g}")
        elif value < floor - _BINARY_SLACK:
            failures.append(f"{metric}: {value:.3f} below its floor {floor:.2f}")
    return failures


def floor_of(value: Metric, metric: str) -> float:
    """Return the floor a measured value earns: rounded down to 2 decimals (ceilings: as measured)."""
    value = value or 0
    if metric in LOWER_IS_BETTER:
        return float(value)
    # The slack keeps 0.29 at 0.29: 0.29 * 100 is 28.999999999999996 in binary.
    return math.floor(value * 100 + _BINARY_SLACK) / 100


def raise_floors(metrics: Mapping[str, Metric], floors: Mapping[str, float]) -> Floors:
    """Return floors raised to what the metrics now earn; none is ever lowered (no ceiling raised)."""
    raised = dict(floors)
    for metric, value in metrics.items():
        earned = floor_of(value, metric)
        if metric not in raised:
            raised[metric] = earned
        elif metric in LOWER_IS_BETTER:
            raised[metric] = min(raised[metric], earned)
        else:
            raised[metric] = max(raised[metric], earned)
    return dict(sorted(raised.items()))


def write_floors(path: Path, name: str, floors: Floors) -> None:
    """Store one set's floors in the baseline file, keeping its other sets and its comment."""
    data = read_baseline(path)
    data["sets"][name] = floors
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def check_baseline(path: Path, name: str, metrics: Mapping[str, Metric]) -> list[str]:
    """Return one line per metric of set ``name`` below its floor in the baseline file."""
    return below_floor(metrics, floors_for(path, name))


def raise_baseline(path: Path, name: str, metrics: Mapping[str, Metric], *, failed: int = 0) -> Floors:
    """Raise set ``name``'s floors in the baseline file to what ``metrics`` earn; return them.

    A run where ``failed`` articles could not be analysed is refused: it scores them as
    empty, which would wrongly tighten a ceiling such as merges.
    """
    if failed:
        raise SettingsError(
            f"analysis failed on {failed} article(s): floors of set {name!r} not raised", where=str(path)
        )
    sets = read_baseline(path)["sets"]
    floors = raise_floors(metrics, sets.get(name, {}))
    write_floors(path, name, floors)
    return floors
