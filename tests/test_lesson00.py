"""Lesson 0's practice check: it grades the learner's own kernel, accepts every tuple form of the version Python
gives, and refuses text, which could be typed from section 2's printout."""

import platform
import sys

import numpy as np
import pytest

from nnlib.exercises import lesson00

MAJOR, MINOR = sys.version_info[:2]


@pytest.mark.parametrize("answer", [(MAJOR, MINOR), [MAJOR, MINOR], sys.version_info, tuple(sys.version_info[:3]),
                                    tuple(sys.version_info), (MAJOR, np.int64(MINOR)), np.array([MAJOR, MINOR]),
                                    np.array(sys.version_info[:3]), sys.version_info[:2],
                                    platform.python_version_tuple()])
def test_every_form_of_the_right_version_is_accepted(answer, capsys):
    assert lesson00.check_python_version(answer)
    assert "✓" in capsys.readouterr().out


@pytest.mark.parametrize("answer", [f"{MAJOR}.{MINOR}", f" {MAJOR}.{MINOR} ", platform.python_version(), sys.version,
                                    f"{MAJOR}.{MINOR + 1}", b"3.11"])
def test_text_is_refused_and_the_message_asks_for_the_tuple(answer, capsys):
    assert lesson00.check_python_version(answer) is False
    printed = capsys.readouterr().out
    assert "text" in printed and "tuple of whole numbers" in printed and "sys" in printed


def test_a_float_is_refused_with_the_reason(capsys):
    assert not lesson00.check_python_version(float(f"{MAJOR}.{MINOR}"))
    assert "3.10 and 3.1 are the same" in capsys.readouterr().out


@pytest.mark.parametrize("answer", [(MAJOR, MINOR + 1), (MAJOR - 1, MINOR), (2, 7)])
def test_another_version_is_wrong_and_the_message_does_not_give_it(answer, capsys):
    assert not lesson00.check_python_version(answer)
    printed = capsys.readouterr().out
    assert "section 2" in printed and f"{MAJOR}.{MINOR}" not in printed.replace(str(answer), "")


@pytest.mark.parametrize("answer", ["three", "3", (3,), (True, 11), [3.0, 11.0], {"v": 3}, 3, b"3.11", "x" * 1000,
                                    np.array([3.0, 11.0]), np.array([[3, 11]]), np.array([True, True])])
def test_odd_answers_never_raise(answer, capsys):
    assert lesson00.check_python_version(answer) is False
    assert capsys.readouterr().out.strip()


@pytest.mark.parametrize("answer, said", [(platform.python_version, "call it"), (MAJOR, "two parts"),
                                          (sys.hexversion, "two parts")])
def test_a_function_or_one_number_gets_its_own_message(answer, said, capsys):
    assert lesson00.check_python_version(answer) is False
    assert said in capsys.readouterr().out
