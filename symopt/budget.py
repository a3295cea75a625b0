"""Time budgets for exact work.

Exact solving can run for a very long time (a Groebner basis, a high degree
resultant). :func:`within` runs such work in a forked worker process and
stops it when its budget is spent, so the caller always gets an answer or a
clear :class:`symopt.errors.TimeoutError`, never a hang. It works in any
thread (no signals are involved) and falls back to running inline where the
platform cannot fork.

>>> within(sum, [1, 2, 3], timeout=5)
6
"""

import functools
import io
import multiprocessing
import os
import pickle
import traceback

from .errors import SolveError, TimeoutError

__all__ = ["within", "DEFAULT_TIMEOUT"]

#: Seconds of exact work allowed by default.
DEFAULT_TIMEOUT = 5.0


def within(fn, *args, timeout=DEFAULT_TIMEOUT, what="exact solving", **kwargs):
    """Return ``fn(*args, **kwargs)``, computed in at most ``timeout`` seconds.

    ``timeout=None`` runs ``fn`` inline with no limit. Past the budget the
    worker is stopped and :class:`symopt.errors.TimeoutError` names ``what``
    and suggests ``symopt descend`` for a numerical answer. Errors raised by
    ``fn`` are raised again here with their type.
    """
    if timeout is None or not _can_fork():
        return fn(*args, **kwargs)
    if timeout <= 0:
        raise _timeout(what, timeout)
    context = multiprocessing.get_context("fork")
    reader, writer = context.Pipe(duplex=False)
    worker = context.Process(target=_work, args=(writer, fn, args, kwargs), daemon=True)
    worker.start()
    writer.close()
    try:
        if not reader.poll(timeout):
            raise _timeout(what, timeout)
        try:
            kind, payload = _loads(reader.recv_bytes())
        except EOFError:
            raise SolveError(
                f"{what} stopped unexpectedly (worker exit code "
                f"{worker.exitcode}); try again or use symopt descend"
            ) from None
    finally:
        reader.close()
        if worker.is_alive():
            worker.kill()
        worker.join()
    if kind == "error":
        raise payload
    return payload


def _loads(data):
    return pickle.loads(data)


class _Pickler(pickle.Pickler):
    """Keeps SymPy sums, products, powers and relations as they were built.

    A derivation shows relations such as ``1 = 0`` or ``-4 + 4 = 0`` on
    purpose; SymPy's own pickling rebuilds them through evaluating
    constructors, which would turn them into ``False`` or ``0 = 0``.
    """

    def reducer_override(self, obj):
        if isinstance(obj, _unevaluated()):
            return _rebuild, (type(obj), obj.args)
        return NotImplemented


@functools.cache
def _unevaluated():
    # Imported here: the CLI reads DEFAULT_TIMEOUT without loading SymPy.
    import sympy

    return (sympy.core.relational.Relational, sympy.Add, sympy.Mul, sympy.Pow)


def _rebuild(cls, args):
    return cls(*args, evaluate=False)


def _dumps(value):
    buffer = io.BytesIO()
    _Pickler(buffer).dump(value)
    return buffer.getvalue()


def _can_fork():
    return hasattr(os, "fork") and "fork" in multiprocessing.get_all_start_methods()


def _timeout(what, timeout):
    return TimeoutError(
        f"could not solve {what} exactly within the time budget of {timeout:g} s; "
        "raise the budget with --timeout (timeout=...) or get a numerical "
        "answer with symopt descend"
    )


def _work(writer, fn, args, kwargs):
    try:
        result = ("ok", fn(*args, **kwargs))
    except BaseException as error:  # noqa: BLE001 - sent back to the caller
        result = ("error", _portable(error))
    try:
        data = _dumps(result)
    except Exception as error:  # noqa: BLE001 - unpicklable result
        data = pickle.dumps(("error", SolveError(f"result cannot be sent: {error}")))
    writer.send_bytes(data)
    writer.close()
    os._exit(0)


def _portable(error):
    """The error itself if it survives pickling, else a SolveError saying it."""
    try:
        pickle.loads(pickle.dumps(error))
        return error
    except Exception:  # noqa: BLE001
        lines = traceback.format_exception_only(type(error), error)
        return SolveError(" ".join(lines).strip())
