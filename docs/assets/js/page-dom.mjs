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

const frameworks = new Map(); // by address: the summary, comparison and papers pages share one

/** The stages, markers and questions, for the page whose script fills `root`: on the site, from
 * the file it names (asked for with the page: overrides/main.html), its marker addresses made
 * from the page; in the offline copy, which cannot fetch from disk, from the page itself. */
export function pageFramework(root) {
  const { framework, frameworkFile, site } = root.dataset;
  if (!frameworkFile) return Promise.resolve(JSON.parse(framework));
  const url = new URL(frameworkFile, document.baseURI).href;
  if (!frameworks.has(url)) {
    frameworks.set(url, fetch(url).then((response) => {
      if (!response.ok) throw new Error(`${url}: ${response.status}`);
      return response.json();
    }));
    frameworks.get(url).catch(() => frameworks.delete(url)); // asked for again on the next visit
  }
  return frameworks.get(url).then((data) => ({
    ...data,
    stages: data.stages.map((stage) => ({ ...stage, markers: stage.markers.map((m) => ({ ...m, url: site + m.url })) })),
  }));
}

export const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
