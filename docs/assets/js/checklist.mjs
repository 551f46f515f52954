// The checklist on a full marker page. The page already lists the questions
// (<ol class="scr-questions" data-marker> from macros/render.py), which is what readers see
// without JavaScript and in print; this turns each question into a group of radio buttons
// and a notes box, saved as the user works.

import { announce, h, showProblem } from "./dom.mjs";
import {
  RESPONSES, answerFor, clean, progress, responseLabel, setAnswer, wordingChanged,
} from "./state.mjs";

const LIST = "ol.scr-questions[data-marker]";
const part = (li, name) => li.querySelector(`[data-scr="${name}"]`);

export function hydrateChecklists(doc, app) {
  for (const list of doc.querySelectorAll(LIST)) {
    // Material can show the same page again; build each list once.
    if (!list.dataset.scrReady) build(list, app);
  }
  refreshChecklists(doc, app);
}

function build(list, app) {
  list.dataset.scrReady = "1";
  const marker = list.dataset.marker;
  const box = h("div", {
    class: "scr-checklist", "data-marker": marker, "data-content-version": list.dataset.contentVersion ?? "",
  });
  list.before(box);
  box.append(
    h("div", { class: "scr-checklist-head" },
      h("p", { class: "scr-privacy" },
        h("strong", {}, "Your answers stay in this browser."),
        " They are saved on this device as you work and are never sent anywhere. " +
        "Do not record names or other details that could identify a child or family."),
      h("p", {}, "Review: ", h("strong", { "data-scr": "name" }), " ",
        h("a", { href: app.summaryUrl, class: "scr-noprint" }, "Change review, see the summary, download or import")),
      h("p", { class: "scr-progress", "data-scr": "progress" }),
      h("div", { class: "scr-problem", role: "alert", "data-scr": "problem" }),
      h("button", { type: "button", class: "md-button scr-noprint", "data-scr-action": "print" }, "Print with your answers")),
    list,
  );
  for (const li of list.querySelectorAll("li[data-question]")) {
    const id = `scr-${marker}-${li.dataset.question}`;
    const text = clean(li.textContent);
    li.dataset.text = text;
    li.replaceChildren(h("fieldset", { class: "scr-question" },
      h("legend", {}, text),
      h("p", { class: "scr-changed", "data-scr": "changed", hidden: true }),
      h("div", { class: "scr-responses scr-noprint" },
        RESPONSES.map((r) => h("label", {}, h("input", { type: "radio", name: id, value: r.value }), r.label)),
        h("button", { type: "button", class: "scr-clear", "data-scr-action": "clear" }, "Clear response")),
      h("p", { class: "scr-print", "data-scr": "print-response" }),
      h("label", { for: `${id}-notes` }, "Notes and evidence"),
      h("textarea", { id: `${id}-notes`, rows: "3", "data-scr": "notes" }),
      h("p", { class: "scr-print scr-notes", "data-scr": "print-notes" }),
      h("p", { class: "scr-status", role: "status", "data-scr": "status" })));
  }
}

/** Shows the current review's answers; also run after every change, here or in another tab. */
export function refreshChecklists(doc, app) {
  const review = app.session.review();
  for (const box of doc.querySelectorAll(".scr-checklist")) {
    const marker = box.dataset.marker;
    // After a switch of review every field shows the new review, even the one being typed in.
    const switched = box.dataset.review !== review.id;
    box.dataset.review = review.id;
    part(box, "name").textContent = review.name;
    showProblem(part(box, "problem"), app.session.problem());
    const items = [...box.querySelectorAll("li[data-question]")];
    const { answered, total } = progress(review, marker, items.map((li) => li.dataset.question));
    part(box, "progress").textContent = `${answered} of ${total} questions answered`;
    for (const li of items) {
      const answer = answerFor(review, marker, li.dataset.question);
      const response = answer?.response ?? "";
      const notes = answer?.notes ?? "";
      for (const radio of li.querySelectorAll("input[type=radio]")) radio.checked = radio.value === response;
      const field = part(li, "notes");
      if (field.value !== notes && (switched || field !== doc.activeElement)) field.value = notes;
      part(li, "print-response").textContent = `Response: ${responseLabel(response) || "not answered"}`;
      part(li, "print-notes").textContent = notes;
      const changed = part(li, "changed");
      changed.hidden = !wordingChanged(answer, li.dataset.text);
      changed.textContent = changed.hidden ? "" :
        `The wording of this question has changed since you answered it. You answered this wording: “${clean(answer.questionText)}”`;
    }
  }
}

function record(control, change, app, delay) {
  const box = control.closest(".scr-checklist");
  const li = control.closest("li[data-question]");
  const { session } = app;
  // The answer belongs to the review shown on this page, unless another tab has deleted it.
  const saved = session.update((data) => setAnswer(data,
    data.reviews.some((r) => r.id === box.dataset.review) ? box.dataset.review : data.current,
    box.dataset.marker, li.dataset.question,
    { ...change, questionText: li.dataset.text, contentVersion: box.dataset.contentVersion }, session.now()));
  app.refresh();
  announce(part(li, "status"), saved ? "Saved" : "Not saved: see the warning above", delay);
}

/** Delegated listeners, bound once for the whole site (pages come and go with instant navigation). */
export function bindChecklists(doc, app) {
  const inList = (el) => el.closest?.(".scr-checklist li[data-question]");
  doc.addEventListener("change", (e) => {
    if (e.target.type === "radio" && inList(e.target)) record(e.target, { response: e.target.value }, app, 0);
  });
  doc.addEventListener("input", (e) => {
    // Saved on every keystroke, so nothing typed is lost; "Saved" is announced after a pause.
    if (e.target.dataset?.scr === "notes" && inList(e.target)) record(e.target, { notes: e.target.value }, app, 1000);
  });
  doc.addEventListener("click", (e) => {
    const button = e.target.closest?.(".scr-checklist [data-scr-action]");
    if (button?.dataset.scrAction === "clear") record(button, { response: "" }, app, 0);
    if (button?.dataset.scrAction === "print") window.print();
  });
}
