// Long lists on the summary and comparison pages (a review of hundreds of markers has thousands
// of answers) are drawn a piece at a time: the first `step` items at once, the rest when the user
// asks, and all of it before printing, so the page is ready at once and still prints whole.
// A list of `step` items or fewer (the real site's 18 markers) is simply drawn whole.

import { h } from "./dom.mjs";
import { plural } from "./page-dom.mjs";

const STEP = 100;
const shown = new Map(); // how many items of each list the user has asked to see, by list name
const waiting = new Map(); // list name: { list, rest, draw, more } with items not drawn yet

function drawMore(name, count) {
  const state = waiting.get(name);
  const items = state.rest.splice(0, count);
  // Each item is drawn with its place in the whole list, as Array.map would give it.
  const drawn = items.map((item, i) => state.draw(item, state.done + i));
  state.done += items.length;
  state.list.append(...drawn);
  shown.set(name, state.done);
  if (state.rest.length) label(state);
  else {
    waiting.delete(name);
    state.more.remove();
  }
  return drawn[0];
}

function label({ more, rest, noun, step }) {
  more.querySelector("[data-more=some]").textContent = `Show the next ${Math.min(step, rest.length)}`;
  more.querySelector("[data-more=all]").textContent = `Show all ${plural(rest.length, "more " + noun)}`;
  more.querySelector("[data-more=count]").textContent = `${rest.length.toLocaleString("en-GB")} more not shown yet. `;
}

/**
 * Fill `list` with `draw(item, index)` for the first items, and return the buttons that draw the rest
 * (to put after the list, e.g. after its table), or null when every item is drawn. `name` keeps
 * how many the user had shown across redraws; `noun` says what an item is ("answer").
 */
export function fillLong(name, list, items, draw, noun, step = STEP) {
  const count = Math.max(step, shown.get(name) ?? 0);
  list.replaceChildren(...items.slice(0, count).map(draw));
  waiting.delete(name);
  if (items.length <= count) return null;
  const more = h("p", { class: "scr-more scr-noprint", "data-more-list": name },
    h("span", { "data-more": "count" }),
    h("button", { type: "button", class: "md-button", "data-more": "some" }),
    " ",
    h("button", { type: "button", class: "md-button", "data-more": "all" }));
  const state = { list, rest: items.slice(count), done: count, draw, more, noun, step };
  waiting.set(name, state);
  label(state);
  return more;
}

document.addEventListener("click", (e) => {
  const button = e.target.closest?.("[data-more-list] button");
  const name = button?.closest("[data-more-list]").dataset.moreList;
  if (!waiting.has(name)) return;
  const first = drawMore(name, button.dataset.more === "all" ? Infinity : waiting.get(name).step);
  // The keyboard and screen reader carry on from the first item just drawn.
  first.setAttribute("tabindex", "-1");
  first.focus();
});

// Printing gives the whole record, never only what was on screen.
addEventListener("beforeprint", () => {
  for (const name of [...waiting.keys()]) drawMore(name, Infinity);
});
