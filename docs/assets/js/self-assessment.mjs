// Entry point of the self-assessment, listed in mkdocs.yml's extra_javascript (a .mjs file
// loads as an ES module). It runs once per full page load: with Material's instant navigation
// later pages arrive through `document$`, so listeners are bound once here and each page is
// hydrated idempotently. Without Material it sets up the page it was loaded on.

import { bindChecklists, hydrateChecklists, refreshChecklists } from "./checklist.mjs";
import { openSession } from "./session.mjs";
import { openStore } from "./storage.mjs";
import { bindSummary, hydrateSummary, refreshSummary } from "./summary.mjs";

// This file is <site>/assets/js/self-assessment.mjs, wherever the site is published.
const site = new URL("../../", import.meta.url);

const app = {
  session: null, // opened on the first page that needs it
  framework: null, // from the summary page's data island
  summaryUrl: new URL("self-assessment/", site).href,
  refresh() {
    refreshChecklists(document, app);
    refreshSummary(document, app);
  },
};

function start() {
  if (app.session) return;
  // Keys start with the site's path, so two sites on one host keep their answers apart.
  const store = openStore(() => window.localStorage, `scr-qm:${site.pathname}:`);
  app.session = openSession(store);
  // Another tab saved: show its changes here too.
  window.addEventListener("storage", (e) => {
    if (!store.owns(e.key)) return;
    app.session.load();
    app.refresh();
  });
}

function onPage() {
  const summary = document.getElementById("scr-summary");
  if (!summary && !document.querySelector("ol.scr-questions[data-marker]")) return;
  start();
  hydrateChecklists(document, app);
  if (summary) hydrateSummary(summary, app);
}

bindChecklists(document, app);
bindSummary(document, app);

// Material's one-key shortcuts (n and p change page, f, s and / open search) also fire on a
// focused radio button or button; inside our forms those keys do nothing instead.
document.addEventListener("keydown", (e) => {
  if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey &&
      e.target.closest?.(".scr-checklist, #scr-summary")) e.stopPropagation();
});

if (window.document$) window.document$.subscribe(onPage);
else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", onPage);
else onPage();
