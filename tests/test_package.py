"""The top-level package: lazy, explicit, and complete."""

import subprocess
import sys

import pytest

import symopt


def test_every_public_name_resolves():
    for name in symopt.__all__:
        assert getattr(symopt, name) is not None, name
    assert set(symopt.__all__) <= set(dir(symopt))


def test_unknown_name_is_an_attribute_error():
    with pytest.raises(AttributeError, match="has no attribute 'nope'"):
        symopt.nope  # noqa: B018


def test_render_stays_the_function_after_its_package_is_imported():
    import symopt.render.json  # noqa: F401 - binds the subpackage on import

    assert callable(symopt.render)


def test_import_symopt_loads_no_sympy():
    code = "import sys, symopt; print('sympy' in sys.modules, symopt.__version__)"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert done.stdout.split() == ["False", symopt.__version__]


def test_from_import_still_works():
    from symopt import parse, symbols

    (w,) = symbols("w")
    assert parse("2w") == 2 * w
