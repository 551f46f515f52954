// Small DOM helpers. Elements are built with createElement and text nodes only, so whatever a
// user types or imports is shown as text and never parsed as HTML; no inline styles or event
// handlers are made (the site's Content-Security-Policy forbids them).

/** h("p", { class: "x", hidden: true }, "text", child, [more]) */
export function h(tag, attributes = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === true) el.setAttribute(name, "");
    else if (value != null && value !== false) el.setAttribute(name, value);
  }
  el.append(...children.flat(2).filter((c) => c != null && c !== false));
  return el;
}

/** Offers `text` as a file download; nothing is sent anywhere. */
export function download(text, fileName, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = h("a", { href: url, download: fileName });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

const timers = new WeakMap();

/** Puts `text` in a live region; cleared first so a repeated message is announced again. */
export function announce(region, text, delay = 0) {
  if (!region) return;
  clearTimeout(timers.get(region));
  timers.set(region, setTimeout(() => {
    region.textContent = "";
    timers.set(region, setTimeout(() => { region.textContent = text; }, 50));
  }, delay));
}

/** Moves keyboard focus to an element that is not normally focusable (a heading, a message). */
export function focusOn(el) {
  if (!el) return;
  el.setAttribute("tabindex", "-1");
  el.focus();
}

/** Shows a storage problem in an alert box (kept in the page, empty, when there is none). */
export function showProblem(box, message) {
  const label = "Warning: ";
  if (box && box.textContent !== (message ? label + message : "")) {
    box.replaceChildren(...(message ? [h("strong", {}, label), message] : []));
  }
}
