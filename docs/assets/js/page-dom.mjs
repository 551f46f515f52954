// DOM helpers only the pages that do more than the checklist use (the summary, the comparison and
// the meeting papers), kept out of dom.mjs so that guidance pages do not download them.

import { h } from "./dom.mjs";

/** Add a stylesheet that only some pages need, once (instant navigation keeps the head).
 * Resolves when it is in (or has failed). */
export function useStylesheet(href) {
  let link = [...document.querySelectorAll("link[rel=stylesheet]")].find((l) => l.href === href);
  if (!link) document.head.append((link = h("link", { rel: "stylesheet", href })));
  return link.sheet ? Promise.resolve() : new Promise((done) => {
    link.addEventListener("load", done);
    link.addEventListener("error", done);
  });
}

export const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
