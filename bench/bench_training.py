"""Training speed of nnlib on full MNIST: against plain numpy, and against the textbook per-example loop.

    python bench/bench_training.py            # or: make bench   (about 4 minutes on 2 cores)
    python bench/bench_training.py numpy      # only the comparison with plain numpy (about 1 minute)

First, nnlib against two plain vectorised numpy implementations of the same training (784-16-16-10,
sigmoid + quadratic cost, about 20 lines each): :func:`numpy_reference_epoch`, which gathers each
mini-batch by fancy indexing and computes the cost at every step, and :func:`lean_reference_epoch`, the
leanest textbook loop (one shuffled copy per epoch, contiguous slices, no cost). All three start from the
same weights, see the same mini-batches and alternate epoch by epoch in one process, so that a busy
machine slows them alike. It prints the CPU time per epoch of each (median over epochs 2-7), the ratios,
and the test accuracies (to show that all learn). The goal is a ratio of at most 1.10 against the lean loop.

Then, for 784-16-16-10 and 784-30-10 at batch sizes 10 and 128, seconds per epoch (median over several
epochs) and test accuracy for nnlib, and the time of the same epoch with the plain per-example
algorithm (Nielsen's ``network.py``: backpropagate one example at a time as column vectors, then
average the gradients over the mini-batch). The per-example loop is timed on a slice of the epoch and
scaled to 60,000 examples (it is slow); both start from the same weights, and the script first checks
that they compute the same update. Last, it trains the course's recipe for >= 96% test accuracy.
Everything runs with BLAS on one thread, as ``nnlib.train`` does.
"""

import statistics
import sys
import time

import numpy as np
from threadpoolctl import threadpool_limits

from nnlib import Network, load_mnist, one_hot, train
from nnlib.activations import logistic as sigmoid   # unchecked, like Nielsen's: the loop pays for no input checks


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
    b.step(b.gradients(x, y), 3.0)
    for p, q in zip(a.weights + a.biases, b.weights + b.biases):
        np.testing.assert_allclose(p, q, rtol=1e-9, atol=1e-12)


def nnlib_epochs(sizes, mnist, batch_size, epochs=3):
    network = Network(sizes, seed=0)
    history = train(network, mnist.x_train, mnist.y_train, epochs=epochs, batch_size=batch_size,
                    learning_rate=3.0 if batch_size <= 10 else 6.0, seed=0, progress=False)
    return statistics.median(history.seconds), network.accuracy(mnist.x_test, mnist.y_test)


def numpy_reference_epoch(weights, biases, x, targets, rng, batch_size, learning_rate):
    """One epoch of plain vectorised numpy, as a careful first implementation would write it: each
    mini-batch gathered by fancy indexing, its cost computed at every step (sigmoid layers, quadratic cost,
    one example per row). ``weights``/``biases`` are changed in place. Returns the epoch's mean cost."""
    order = rng.permutation(x.shape[0])
    cost_sum = 0.0
    for begin in range(0, x.shape[0], batch_size):
        batch = order[begin:begin + batch_size]
        activations = [x[batch]]
        for w, b in zip(weights, biases):                        # forward: a = sigmoid(a @ W.T + b)
            activations.append(1 / (1 + np.exp(-(activations[-1] @ w.T + b))))
        error = activations[-1] - targets[batch]
        cost_sum += np.sum(error ** 2)
        delta = 2 * error / len(batch) * activations[-1] * (1 - activations[-1])
        for layer in range(len(weights) - 1, -1, -1):            # backward, then the step
            grad_w, grad_b = delta.T @ activations[layer], delta.sum(axis=0)
            if layer > 0:
                delta = (delta @ weights[layer]) * activations[layer] * (1 - activations[layer])
            weights[layer] -= learning_rate * grad_w
            biases[layer] -= learning_rate * grad_b
    return cost_sum / x.shape[0]


def lean_reference_epoch(weights, biases, x, targets, rng, batch_size, learning_rate):
    """One epoch of the leanest textbook loop (Nielsen's, vectorised): one shuffled copy of the data,
    then contiguous slices; no cost computed; the update taken as soon as a layer's gradient is known.
    Nothing in it is optional: it is the floor nnlib is measured against."""
    order = rng.permutation(x.shape[0])
    x, targets = x[order], targets[order]
    for begin in range(0, x.shape[0], batch_size):
        activations = [x[begin:begin + batch_size]]
        for w, b in zip(weights, biases):
            activations.append(1 / (1 + np.exp(-(activations[-1] @ w.T + b))))
        a = activations[-1]
        delta = 2 * (a - targets[begin:begin + batch_size]) * a * (1 - a)
        rate = learning_rate / len(a)
        for layer in range(len(weights) - 1, -1, -1):
            grad_w, grad_b = delta.T @ activations[layer], delta.sum(axis=0)
            if layer > 0:
                delta = (delta @ weights[layer]) * activations[layer] * (1 - activations[layer])
            weights[layer] -= rate * grad_w
            biases[layer] -= rate * grad_b


def numpy_accuracy(weights, biases, x, labels):
    a = x
    with np.errstate(over="ignore"):
        for w, b in zip(weights, biases):
            a = 1 / (1 + np.exp(-(a @ w.T + b)))
    return float(np.mean(np.argmax(a, axis=1) == labels))


REFERENCES = {"numpy": numpy_reference_epoch, "lean": lean_reference_epoch}


def against_numpy(sizes, mnist, batch_size, learning_rate, epochs=5):
    """nnlib and the two numpy references, alternating epoch by epoch from the same weights and batches.

    Each nnlib epoch is one epoch of a single ``train`` call, measuring included (its checks run once,
    before epoch 1); the reference epochs run inside ``on_epoch``, between two nnlib epochs. Returns the
    CPU seconds of every epoch of each side and every side's test accuracy.
    """
    network = Network(sizes, seed=0)
    targets = one_hot(mnist.y_train, sizes[-1], dtype=network.dtype)
    sides = {name: ([w.copy() for w in network.weights], [b.copy() for b in network.biases],
                    np.random.default_rng(1))                  # the same shuffles as train(seed=1)
             for name in REFERENCES}
    cpu = {name: [] for name in ["nnlib", *REFERENCES]}
    mark = [time.process_time()]

    def reference_epochs(history):
        cpu["nnlib"].append(time.process_time() - mark[0])
        for name, epoch in REFERENCES.items():
            weights, biases, rng = sides[name]
            start = time.process_time()
            with np.errstate(over="ignore"):                     # exp(-z) may overflow to inf: sigmoid 0
                epoch(weights, biases, mnist.x_train, targets, rng, batch_size, learning_rate)
            cpu[name].append(time.process_time() - start)
        mark[0] = time.process_time()

    train(network, mnist.x_train, mnist.y_train, epochs=epochs, batch_size=batch_size,
          learning_rate=learning_rate, seed=1, progress=False, on_epoch=reference_epochs)
    accuracy = {"nnlib": network.accuracy(mnist.x_test, mnist.y_test)}
    accuracy.update({name: numpy_accuracy(w, b, mnist.x_test, mnist.y_test) for name, (w, b, _) in sides.items()})
    # epoch 1 of nnlib also holds train's one-time input checks: every side's first epoch is dropped
    return {name: times[1:] for name, times in cpu.items()}, accuracy


def recipe(mnist):
    """The course's recipe: ReLU hidden layers, softmax + cross-entropy, He initialisation."""
    network = Network([784, 16, 16, 10], hidden_activation="relu", output_activation="softmax", cost="cross_entropy", init="he", seed=0)
    history = train(network, mnist.x_train, mnist.y_train, epochs=15, batch_size=32,
                    learning_rate=lambda epoch: 0.1 if epoch <= 10 else 0.01, seed=0, progress=False)
    return sum(history.seconds), network.accuracy(mnist.x_test, mnist.y_test)


def print_against_numpy(mnist, epochs=7):
    print("nnlib vs plain vectorised numpy, 784-16-16-10 sigmoid + quadratic cost, full MNIST, alternating epochs")
    print("  numpy: gathers each mini-batch by fancy indexing and computes its cost at every step")
    print("  lean:  one shuffled copy per epoch, contiguous slices, no cost (the leanest textbook loop)")
    print(f"{'batch':>5} {'nnlib CPU s':>12} {'numpy CPU s':>12} {'lean CPU s':>11} {'vs numpy':>9} {'vs lean':>8} "
          f"{'vs lean, fastest':>17} {'accuracy nnlib / numpy / lean':>31}")
    for batch_size in (10, 128):
        cpu, accuracy = against_numpy([784, 16, 16, 10], mnist, batch_size, 3.0 if batch_size <= 10 else 6.0, epochs)
        median = {name: statistics.median(times) for name, times in cpu.items()}
        accuracies = " / ".join(f"{100 * accuracy[name]:.2f}%" for name in ("nnlib", "numpy", "lean"))
        print(f"{batch_size:>5} {median['nnlib']:>12.3f} {median['numpy']:>12.3f} {median['lean']:>11.3f} "
              f"{median['nnlib'] / median['numpy']:>8.2f}x {median['nnlib'] / median['lean']:>7.2f}x "
              f"{min(cpu['nnlib']) / min(cpu['lean']):>16.2f}x {accuracies:>31}", flush=True)
    print(f"(CPU seconds per epoch, median of epochs 2-{epochs} of each side; ratios = nnlib / reference, from "
          "medians and, for lean, from the fastest epochs; accuracies on the 10,000 test images)\n")


def main():
    mnist = load_mnist()
    print_against_numpy(mnist)
    if sys.argv[1:] == ["numpy"]:
        return
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
    with threadpool_limits(limits=1, user_api="blas"), np.errstate(over="ignore"):   # as nnlib.train does
        main()
