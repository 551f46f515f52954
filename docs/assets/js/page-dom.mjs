// DOM helpers only the pages that do more than the checklist use (the summary, the comparison and
// the meeting papers), kept out of dom.mjs so that guidance pages do not download them.

import { h } from "./dom.mjs";

/** Add a stylesheet that only some pages need, once (instant navigation keeps the head). */
export function useStylesheet(href) {
  if (![...document.querySelectorAll("link[rel=stylesheet]")].some((l) => l.href === href)) document.head.append(h("link", { rel: "stylesheet", href }));
}

export const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
