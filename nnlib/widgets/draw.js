// The drawing pad of nnlib.widgets.draw: a 28x28 canvas drawn with mouse, pen or touch, and a
// "clear" button. It only draws and sends the pixels (784 float32, row by row, 0 = background,
// 1 = ink) to Python in the trait `pixels`; Python does all the rest. One self-contained module:
// anywidget loads it from a blob: URL, where an `import` would fail.
const N = 28;            // pixels per side
const SHOWN = 280;       // CSS pixels per side
const CORE = 0.75;       // brush: full ink within CORE pixels of the pen ...
const EDGE = 1.9;        // ... fading to none at EDGE pixels (a soft stroke, like MNIST's)
const SEND_EVERY = 50;   // ms between updates sent while drawing

function render({ model, el }) {
  el.classList.add("nn-draw-pad");
  const canvas = document.createElement("canvas");
  canvas.width = N;
  canvas.height = N;
  canvas.className = "nn-draw-canvas";
  // outline, not border: a border would shift the pointer-to-pixel mapping
  canvas.style.cssText = `width:${SHOWN}px;height:${SHOWN}px;image-rendering:pixelated;` +
    "outline:2px solid #888;touch-action:none;cursor:crosshair;display:block;margin:4px";
  const clear = document.createElement("button");
  clear.textContent = "clear";
  clear.className = "nn-draw-clear";
  clear.style.cssText = "margin:8px 4px;padding:2px 14px;font-size:14px;cursor:pointer";
  el.append(canvas, clear);

  const context = canvas.getContext("2d");
  let ink = new Float32Array(N * N);
  let last = null;        // the previous pen position while drawing, else null
  let lastSent = 0;

  function paint() {
    const picture = context.createImageData(N, N);
    ink.forEach((v, i) => {
      const grey = Math.round(255 * v);
      picture.data.set([grey, grey, grey, 255], 4 * i);
    });
    context.putImageData(picture, 0, 0);
  }

  function send() {
    lastSent = performance.now();
    model.set("pixels", new DataView(ink.slice().buffer));
    model.save_changes();
  }

  function stamp(x, y) {   // ink around the pen position (x, y), in pixels
    for (let row = Math.floor(y - EDGE); row <= Math.ceil(y + EDGE); row++) {
      for (let col = Math.floor(x - EDGE); col <= Math.ceil(x + EDGE); col++) {
        if (row < 0 || row >= N || col < 0 || col >= N) continue;
        const d = Math.hypot(col + 0.5 - x, row + 0.5 - y);
        const v = Math.min(1, Math.max(0, (EDGE - d) / (EDGE - CORE)));
        ink[row * N + col] = Math.max(ink[row * N + col], v);
      }
    }
  }

  function position(event) {
    const box = canvas.getBoundingClientRect();
    return [(event.clientX - box.left) / box.width * N, (event.clientY - box.top) / box.height * N];
  }

  canvas.addEventListener("pointerdown", event => {
    canvas.setPointerCapture(event.pointerId);
    last = position(event);
    stamp(...last);
    paint();
  });
  canvas.addEventListener("pointermove", event => {
    if (last === null) return;
    const [x, y] = position(event);
    const steps = Math.max(1, Math.ceil(4 * Math.hypot(x - last[0], y - last[1])));
    for (let s = 1; s <= steps; s++) {   // a stamp every quarter pixel along the move
      stamp(last[0] + (x - last[0]) * s / steps, last[1] + (y - last[1]) * s / steps);
    }
    last = [x, y];
    paint();
    if (performance.now() - lastSent > SEND_EVERY) send();
  });
  const stop = () => {
    if (last === null) return;
    last = null;
    send();
  };
  canvas.addEventListener("pointerup", stop);
  canvas.addEventListener("pointercancel", stop);
  clear.addEventListener("click", () => {
    ink = new Float32Array(N * N);
    paint();
    send();
  });

  function load() {          // pixels set from Python
    if (last !== null) return;   // never overwrite a stroke in progress
    const view = model.get("pixels");
    ink = new Float32Array(N * N);
    if (view && view.byteLength === 4 * N * N) {
      ink.set(new Float32Array(view.buffer.slice(view.byteOffset, view.byteOffset + view.byteLength)));
    }
    paint();
  }
  model.on("change:pixels", load);
  load();
  return () => model.off("change:pixels", load);
}

export default { render };
