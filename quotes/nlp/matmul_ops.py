"""thinc's CPU ops with numpy's matrix product, run on one BLAS thread: the same parse, sooner.

thinc's `NumpyOps.gemm` multiplies with blis. On this machine's CPU (AVX-512) numpy's OpenBLAS
does the tok2vec's products, (30,000 × 288) by (288 × 288) in float32, in half the time on one
thread (0.045 s against 0.087 s): the tok2vec of 280 dev articles takes 2.5 s instead of 3.1 s
(process time; docs/performance.md). The products differ from blis's in the last bits only: every
token's tag, morphology, head, relation, lemma, entity and sentence start came out identical on
dev, train and 200 bench articles.

One thread, because the bare parse (blis) uses one and `quotes` runs one worker per core:
OpenBLAS would start a thread per core in each. The limit holds only while our own parse runs
(`one_blas_thread`), so the rest of a library user's process keeps its BLAS threads.

Import this module only once spaCy is imported: it imports thinc, which imported first would
load torch (torchless.py).
"""
from __future__ import annotations

from contextlib import nullcontext

import numpy
from thinc.api import NumpyOps


class MatmulOps(NumpyOps):
    """`NumpyOps` whose `gemm` is `numpy.matmul` for two float32 matrices (anything else: blis)."""

    def gemm(self, x, y, out=None, trans1=False, trans2=False):
        if x.ndim != 2 or y.ndim != 2 or x.dtype != numpy.float32 or y.dtype != numpy.float32:
            return super().gemm(x, y, out=out, trans1=trans1, trans2=trans2)
        a = x.T if trans1 else x
        b = y.T if trans2 else y
        if out is None:
            return numpy.matmul(a, b)
        numpy.matmul(a, b, out=out)
        return out


def install(nlp) -> int:
    """Give every layer of every component's model one `MatmulOps`; how many layers got it."""
    ops = MatmulOps()
    count = 0
    for _, proc in nlp.components:
        model = getattr(proc, "model", None)
        for node in model.walk() if hasattr(model, "walk") else ():
            node.ops = ops
            count += 1
    return count


def blas_controller():
    """A `ThreadpoolController` (creating one inspects the loaded libraries: about a millisecond,
    so a backend makes one and keeps it)."""
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()


def one_blas_thread(controller):
    """A context in which the BLAS libraries `controller` knows use one thread (about 15 µs;
    `threadpool_limits()` costs a millisecond). No controller: a context that changes nothing."""
    if controller is None:
        return nullcontext()
    return controller.limit(limits=1, user_api="blas")


__all__ = ["MatmulOps", "blas_controller", "install", "one_blas_thread"]
