// Draw an item's rectangle on the page's picture (the page viewer, for whoever may name
// items). Dragging fills the form's four edges with the picture's own pixels (its natural
// size, whatever size it is shown at); typing the edges draws the same rectangle, so the
// form works without a mouse. The server turns the pixels into points (forms.drawn).
(() => {
  const canvas = document.getElementById("drawing");
  const form = document.getElementById("draw-form");
  if (!canvas || !form) return;
  const img = canvas.querySelector("img");
  const box = document.getElementById("drawn");
  const edges = ["left", "top", "right", "bottom"].map((name) => form.elements.namedItem(name));
  let start = null;

  // From the pointer's place on the screen to the picture's pixels, kept inside the picture.
  const pixel = (event) => {
    const shown = img.getBoundingClientRect();
    const sx = img.naturalWidth / shown.width;
    const sy = img.naturalHeight / shown.height;
    const x = Math.min(Math.max(event.clientX - shown.left, 0), shown.width) * sx;
    const y = Math.min(Math.max(event.clientY - shown.top, 0), shown.height) * sy;
    return [Math.round(x), Math.round(y)];
  };

  // The rectangle the four fields hold, drawn over the picture at the size it is shown.
  const show = () => {
    const values = edges.map((field) => Number.parseFloat(field.value));
    if (values.some(Number.isNaN) || !img.naturalWidth) {
      box.hidden = true;
      return;
    }
    const scale = img.getBoundingClientRect().width / img.naturalWidth;
    const [x0, y0, x1, y1] = values;
    box.style.left = `${Math.min(x0, x1) * scale}px`;
    box.style.top = `${Math.min(y0, y1) * scale}px`;
    box.style.width = `${Math.abs(x1 - x0) * scale}px`;
    box.style.height = `${Math.abs(y1 - y0) * scale}px`;
    box.hidden = false;
  };

  const fill = (a, b) => {
    const values = [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[0], b[0]), Math.max(a[1], b[1])];
    edges.forEach((field, n) => { field.value = String(values[n]); });
    show();
  };

  img.addEventListener("pointerdown", (event) => {
    if (event.button !== 0) return;
    event.preventDefault();
    img.setPointerCapture(event.pointerId);
    start = pixel(event);
    fill(start, start);
  });
  img.addEventListener("pointermove", (event) => { if (start) fill(start, pixel(event)); });
  const finish = (event) => {
    if (!start) return;
    fill(start, pixel(event));
    start = null;
  };
  img.addEventListener("pointerup", finish);
  img.addEventListener("pointercancel", () => { start = null; });
  edges.forEach((field) => field.addEventListener("input", show));
  window.addEventListener("resize", show);
})();
