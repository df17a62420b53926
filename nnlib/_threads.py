"""One BLAS thread for nnlib's matrix products (private).

The products of a forward pass or a mini-batch step are small (a batch times a few hundred weights): the
linear-algebra library (BLAS) gains nothing from several threads there, and on a busy machine its threads
wait for each other (batch-128 epochs ran ten times slower on 2 cores). Training, the gradient, the cost
and the forward pass therefore run BLAS on one thread, and give the threads back afterwards.
"""

from threadpoolctl import ThreadpoolController

_controller = None


def one_blas_thread():
    """A context manager that runs BLAS on one thread inside it (``with one_blas_thread(): ...``)."""
    global _controller
    if _controller is None:                # made once: looking up the loaded libraries takes ~0.1 ms
        _controller = ThreadpoolController()
    return _controller.limit(limits=1, user_api="blas")
