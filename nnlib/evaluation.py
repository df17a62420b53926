"""Counting a trained network's answers (lesson 5): which digit it takes for which.
"""

import numpy as np

from . import _validate


def confusion_matrix(labels, predictions, n_classes=10):
    """Count how often each true class (row) received each prediction (column).

    ``labels`` and ``predictions`` are int arrays of shape (n,); returns an int array of shape
    (n_classes, n_classes) whose diagonal holds the correct answers.
    """
    labels = _validate.as_labels(labels, n_classes, "labels")
    predictions = _validate.as_labels(predictions, n_classes, "predictions")
    if labels.size != predictions.size:
        raise ValueError(f"labels has {labels.size} entries but predictions has {predictions.size}; they must match")
    matrix = np.zeros((n_classes, n_classes), dtype=np.int64)
    np.add.at(matrix, (labels, predictions), 1)
    return matrix
