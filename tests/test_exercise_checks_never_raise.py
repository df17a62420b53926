"""Every exercise check answers any value a learner can pass with a message and True/False, never an error.

The checks are found by name (every ``check_*`` function of ``nnlib.exercises.lesson00`` to ``lesson07``),
so a check added later is covered too.
"""

import importlib
import inspect

import numpy as np
import pytest

from nnlib import Network


def _raises():
    raise RuntimeError("the learner's own bug")


BAD_ANSWERS = {
    "None": None,
    "text": "text",
    "list": [1, 2],
    "ragged list": [[1], [2, 3]],
    "3x3 zeros": np.zeros((3, 3)),
    "NaN": np.nan,
    "function that raises": lambda *args, **kwargs: _raises(),
    "function returning a string": lambda *args, **kwargs: "a string",
    "function returning a wrong shape": lambda *args, **kwargs: np.zeros((2, 7)),
    "int": 12345,
    "dict": {"answer": 1},
}

_LABELS = np.arange(200) % 10
EXTRA_ARGUMENTS = {                     # what a lesson passes to checks that take more than the answer
    "labels": _LABELS,
    "predictions": np.where((_LABELS == 4) & (np.arange(200) % 3 == 0), 9, _LABELS),   # 4 mistaken for 9
    "x_line": np.linspace(0, 2, 500), "y_line": np.linspace(1, 5, 500) + np.sin(np.arange(500)),   # lesson 5
    "start": np.array([-1.0, -2.0]),
    "images": np.random.default_rng(0).random((50, 784)).astype(np.float32),
    "right_constant": np.arange(1000) % 20 != 0, "right_drop": np.arange(1000) % 25 != 0,
    "story_first": np.array([0.867, 0.881, 0.864]), "softmax_first": np.array([0.882, 0.896, 0.878]),
    "softmax_gains": np.array([0.015, 0.015, 0.014, -0.01, 0.004]),
    "network": Network([784, 16, 16, 10], seed=0),                                      # lesson 1's network
    "image": np.linspace(0, 1, 784, dtype=np.float32),                                  # and an image for it
}

CHECKS = [(f"lesson{n:02d}.{name}", function)
          for n in range(0, 8)
          for name, function in inspect.getmembers(importlib.import_module(f"nnlib.exercises.lesson{n:02d}"),
                                                   inspect.isfunction)
          if name.startswith("check_")]


def test_the_checks_were_found():
    assert len(CHECKS) >= 14 and {name.split(".")[0] for name, _ in CHECKS} == {f"lesson{n:02d}" for n in range(0, 8)}


@pytest.mark.parametrize("answer_name", list(BAD_ANSWERS))
@pytest.mark.parametrize("check_name, check", CHECKS, ids=[name for name, _ in CHECKS])
def test_check_never_raises_and_returns_a_bool(check_name, check, answer_name, capsys):
    extra = list(inspect.signature(check).parameters)[1:]
    assert set(extra) <= set(EXTRA_ARGUMENTS), f"{check_name} takes {extra}: add them to EXTRA_ARGUMENTS"
    verdict = check(BAD_ANSWERS[answer_name], *(EXTRA_ARGUMENTS[name] for name in extra))
    printed = capsys.readouterr().out
    assert isinstance(verdict, bool), f"{check_name}({answer_name}) returned {verdict!r}"
    assert printed.strip(), f"{check_name}({answer_name}) printed nothing"
    if answer_name == "None":
        assert verdict is False and "not answered" in printed
    else:
        assert verdict is False, f"{check_name} accepted {answer_name}: {printed}"
