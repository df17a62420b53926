"""Training speed of nnlib on full MNIST, against the textbook per-example loop, in one run.

    python bench/bench_training.py            # or: make bench   (about 3 minutes on 2 cores)

For 784-16-16-10 and 784-30-10 at batch sizes 10 and 128 it prints seconds per epoch (median over
several epochs) and test accuracy for nnlib, and the time of the same epoch with the plain per-example
algorithm (Nielsen's ``network.py``: backpropagate one example at a time as column vectors, then
average the gradients over the mini-batch), both with BLAS on one thread as in ``nnlib.train``. The reference is timed on a slice of the epoch and scaled
to 60,000 examples (it is slow); both start from the same weights, and the script first checks that
they compute the same update. Last, it trains the course's recipe for >= 96% test accuracy.
"""

import statistics
import time

import numpy as np
from threadpoolctl import threadpool_limits

from nnlib import Network, load_mnist, train
from nnlib.activations import sigmoid


def reference_step(network, x_batch, labels, learning_rate):
    """One mini-batch step the textbook way: backprop per example, then the average gradient."""
    grad_w = [np.zeros_like(w) for w in network.weights]
    grad_b = [np.zeros_like(b) for b in network.biases]
    for x, label in zip(x_batch, labels):
        activation, activations, zs = x[:, None], [x[:, None]], []
        for w, b in zip(network.weights, network.biases):
            z = w @ activation + b[:, None]
            zs.append(z)
            activation = sigmoid(z)
            activations.append(activation)
        target = np.zeros_like(activation)
        target[label] = 1
        delta = 2 * (activation - target) * sigmoid(zs[-1]) * (1 - sigmoid(zs[-1]))
        for layer in range(network.n_layers - 1, -1, -1):
            grad_w[layer] += delta @ activations[layer].T
            grad_b[layer] += delta[:, 0]
            if layer > 0:
                s = sigmoid(zs[layer - 1])
                delta = (network.weights[layer].T @ delta) * s * (1 - s)
    for w, b, gw, gb in zip(network.weights, network.biases, grad_w, grad_b):
        w -= learning_rate / len(x_batch) * gw
        b -= learning_rate / len(x_batch) * gb


def reference_epoch_seconds(sizes, x, y, batch_size, n_examples, repeats=3):
    """Median time of the per-example loop over ``n_examples``, scaled to a whole epoch of len(x)."""
    network = Network(sizes, seed=0)
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        for begin in range(0, n_examples, batch_size):
            reference_step(network, x[begin:begin + batch_size], y[begin:begin + batch_size], 3.0)
        times.append((time.perf_counter() - start) * len(x) / n_examples)
    return statistics.median(times)


def check_same_update(mnist):
    """The reference loop and nnlib take the same step from the same weights."""
    a, b = Network([784, 16, 16, 10], seed=0, dtype=np.float64), Network([784, 16, 16, 10], seed=0, dtype=np.float64)
    x, y = mnist.x_train[:10].astype(np.float64), mnist.y_train[:10]
    reference_step(a, x, y, 3.0)
    b.update(b.gradients(x, y), 3.0)
    for p, q in zip(a.weights + a.biases, b.weights + b.biases):
        np.testing.assert_allclose(p, q, rtol=1e-9, atol=1e-12)


def nnlib_epochs(sizes, mnist, batch_size, epochs=3):
    network = Network(sizes, seed=0)
    history = train(network, mnist.x_train, mnist.y_train, epochs=epochs, batch_size=batch_size,
                    learning_rate=3.0 if batch_size <= 10 else 6.0, seed=0, progress=False)
    return statistics.median(history.seconds), network.accuracy(mnist.x_test, mnist.y_test)


def recipe(mnist):
    """The course's recipe: ReLU hidden layers, softmax + cross-entropy, He initialisation."""
    network = Network([784, 16, 16, 10], hidden="relu", output="softmax", cost="cross_entropy", init="he", seed=0)
    history = train(network, mnist.x_train, mnist.y_train, epochs=15, batch_size=32,
                    learning_rate=lambda epoch: 0.1 if epoch <= 10 else 0.01, seed=0, progress=False)
    return history.total_seconds, network.accuracy(mnist.x_test, mnist.y_test)


def main():
    mnist = load_mnist()
    check_same_update(mnist)
    print("nnlib vs the per-example textbook loop, full MNIST epochs (60,000 images), sigmoid + quadratic cost")
    print(f"{'network':<14} {'batch':>5} {'nnlib s/epoch':>14} {'test acc.':>10} {'loop s/epoch':>13} {'speed-up':>9}")
    for sizes in ([784, 16, 16, 10], [784, 30, 10]):
        for batch_size in (10, 128):
            seconds, accuracy = nnlib_epochs(sizes, mnist, batch_size)
            loop = reference_epoch_seconds(sizes, mnist.x_train, mnist.y_train, batch_size, n_examples=3000)
            name = "-".join(map(str, sizes))
            print(f"{name:<14} {batch_size:>5} {seconds:>14.3f} {100 * accuracy:>9.2f}% {loop:>13.2f} {loop / seconds:>8.1f}x",
                  flush=True)
    print("(nnlib: median of 3 epochs, accuracy after 3 epochs; loop: median of 3 timings of 3,000 examples, scaled)")
    seconds, accuracy = recipe(mnist)
    print(f"\nrecipe 784-16-16-10, ReLU + softmax/cross-entropy + He init, 15 epochs of batch 32: "
          f"{seconds:.1f} s of training, test accuracy {100 * accuracy:.2f}%")


if __name__ == "__main__":
    with threadpool_limits(limits=1, user_api="blas"):   # as nnlib.train does, for both contestants
        main()
