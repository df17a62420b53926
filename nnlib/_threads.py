"""One BLAS thread for nnlib's matrix products (private).

The products of a forward pass or a mini-batch step are small (a batch times a few hundred weights): the
linear-algebra library (BLAS) gains nothing from several threads there, and on a busy machine its threads
wait for each other (batch-128 epochs ran ten times slower on 2 cores). Training, the gradient, the cost
and the forward pass therefore run BLAS on one thread, and give the threads back afterwards.
"""

from threadpoolctl import ThreadpoolController

_controller = None
_depth = 0          # how many one_blas_thread blocks are open: the inner ones have nothing to do


class one_blas_thread:
    """Run BLAS on one thread inside ``with one_blas_thread(): ...``; nested blocks cost about a microsecond."""

    def __enter__(self):
        global _controller, _depth
        if _depth == 0:
            if _controller is None:        # made once: looking up the loaded libraries takes ~0.1 ms
                _controller = ThreadpoolController()
            self._limit = _controller.limit(limits=1, user_api="blas")
        _depth += 1

    def __exit__(self, *exception):
        global _depth
        _depth -= 1
        if _depth == 0:
            self._limit.restore_original_limits()
