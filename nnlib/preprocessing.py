"""Make a drawing look like an MNIST digit before the network reads it (lesson 5).

The MNIST images were not just scanned: each digit was scaled to fit a 20x20 box (keeping its
aspect ratio, with grey levels from anti-aliasing), then placed in a 28x28 image so that its
**centre of mass** sits at the centre. A network trained on them has only ever seen digits of that
size in that place; a digit drawn small in a corner is, to it, a different picture.
:func:`mnist_preprocess` does the same to any drawing.
"""

import numpy as np
from PIL import Image

from . import _validate

SIDE = 28   # MNIST images are SIDE x SIDE pixels
BOX = 20    # the digit fits in a BOX x BOX square inside them


def centre_of_mass(image):
    """The centre of mass (row, column) of a 2-D image's intensities, in pixel indices.

    Parameters
    ----------
    image : array of shape (height, width), not all zero

    Returns
    -------
    (float, float)
    """
    image = np.asarray(image, dtype=float)
    mass = image.sum()
    if mass <= 0:
        raise ValueError("centre_of_mass needs an image with some positive intensity, got an empty one")
    rows, cols = np.arange(image.shape[0]), np.arange(image.shape[1])
    return float(image.sum(axis=1) @ rows / mass), float(image.sum(axis=0) @ cols / mass)


def mnist_preprocess(image):
    """Fit a drawing into a 20x20 box and centre it by centre of mass in 28x28, as MNIST did.

    1. crop the drawing to the smallest rectangle holding all its ink;
    2. scale it, keeping the aspect ratio, so that its longer side is 20 pixels, anti-aliased
       (every new pixel averages the old pixels it covers);
    3. put it in a 28x28 image, shifted by whole pixels so that its centre of mass is as close as
       possible to pixel (14, 14) (where MNIST's digits have theirs). Ink shifted past the border is lost.

    Parameters
    ----------
    image : array of shape (28, 28) or (784,), or any (height, width)
        Ink intensities from 0 (background) to 1.

    Returns
    -------
    array of shape (784,), float32
        The preprocessed image, ready for ``network.forward``; all zeros for an empty drawing.
    """
    image = _validate.as_image(image, "image", ndim=(1, 2))
    if image.ndim == 1:
        if image.size != SIDE * SIDE:
            raise ValueError(f"image must have {SIDE * SIDE} pixels (or shape (height, width)), got {image.size}")
        image = image.reshape(SIDE, SIDE)
    result = np.zeros((SIDE, SIDE), dtype=np.float32)
    rows, cols = np.nonzero(image.any(axis=1))[0], np.nonzero(image.any(axis=0))[0]
    if rows.size == 0:
        return result.ravel()
    crop = image[rows[0]:rows[-1] + 1, cols[0]:cols[-1] + 1].astype(np.float32)
    scale = BOX / max(crop.shape)
    height, width = (max(1, round(n * scale)) for n in crop.shape)
    digit = np.asarray(Image.fromarray(crop).resize((width, height), Image.Resampling.BILINEAR))
    digit = np.clip(digit, 0.0, 1.0)
    row, col = centre_of_mass(digit)
    top, left = round(SIDE / 2 - row), round(SIDE / 2 - col)   # where the digit's corner goes
    # paste, cutting off whatever falls outside the 28x28 image
    r0, c0 = max(top, 0), max(left, 0)
    r1, c1 = min(top + height, SIDE), min(left + width, SIDE)
    result[r0:r1, c0:c1] = digit[r0 - top:r1 - top, c0 - left:c1 - left]
    return result.ravel()
