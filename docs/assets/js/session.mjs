// The answers of this browser tab: loads them from a store (storage.mjs), applies changes
// and saves them, and says in plain words when saving is not possible. No DOM.
//
// Rules that keep users' work safe:
// - Saved data that cannot be read is copied aside before anything is saved over it; if it
//   cannot be copied, or a newer version of the site saved it, nothing is saved over it.
// - A failed save keeps the change in memory (and on the page); the next save retries.
// - Each change is applied to the latest saved data, so another tab's changes are kept.

import { currentReview, emptyData, newId, parseSaved, serialize, withCurrentReview } from "./state.mjs";

const SELF = "the “My self-assessment” page";
const ONLY_UNTIL = "your answers are kept only until you close or reload this page";
export const MESSAGES = {
  unavailable:
    `This browser is not letting the site save your answers (this happens in private browsing and with some privacy settings). You can still use the checklist, but ${ONLY_UNTIL}. To keep them, download them from ${SELF} before you close it.`,
  full:
    `Your latest change could not be saved because this browser's storage for the site is full. What you typed is still on the page and everything saved before is safe. To make room, download reviews you no longer need from ${SELF}, then delete them there.`,
  damaged:
    `Some answers saved in this browser could not be read because the saved data is damaged. Nothing has been deleted: an unchanged copy is kept aside in this browser, and you can download it from ${SELF}. The answers that could be read are shown.`,
  damagedNotKept:
    `The answers saved in this browser could not be read because the saved data is damaged, and there was no room to keep a copy aside. So that nothing is lost the site will not save over it, and ${ONLY_UNTIL}.`,
  newer:
    `Your answers in this browser were saved by a newer version of this site. So that nothing is lost this page will not save over them: reload the page to get the newer version. Until then ${ONLY_UNTIL}.`,
};

/**
 * `store` is from openStore(); `now` gives ISO times and `makeId` review ids (both
 * replaceable in tests).
 */
export function openSession(store, { now = () => new Date().toISOString(), makeId = () => newId() } = {}) {
  let data = emptyData();
  let readOnly = !store.available;
  let dirty = false;
  let problem = readOnly ? MESSAGES.unavailable : "";

  const ensure = (d) => withCurrentReview(d, now(), makeId());

  function save() {
    if (readOnly) return false;
    const failed = store.write(serialize(data));
    dirty = Boolean(failed);
    if (failed) problem = MESSAGES[failed];
    else if (problem === MESSAGES.full) problem = "";
    return !failed;
  }

  /** Takes in what is saved now (at start, and when another tab changed it). */
  function load() {
    if (readOnly || dirty) {
      data = ensure(data);
      return;
    }
    const raw = store.read();
    if (raw === undefined) {
      readOnly = true;
      problem = MESSAGES.unavailable;
      data = ensure(data);
      return;
    }
    const parsed = parseSaved(raw);
    if (parsed.newer || (parsed.damaged && !store.keepAside(raw, now()))) {
      readOnly = true;
      problem = parsed.newer ? MESSAGES.newer : MESSAGES.damagedNotKept;
      data = ensure(parsed.data);
      return;
    }
    if (parsed.damaged) problem = MESSAGES.damaged;
    data = ensure(parsed.data);
    if (parsed.damaged || data !== parsed.data) save();
  }

  load();

  return {
    get data() {
      return data;
    },
    review: () => currentReview(data),
    /** A plain message when answers are not being saved, or saved data was damaged; else "". */
    problem: () => problem,
    now,
    makeId,
    load,
    /** Applies `change` (data => data) to the latest data and saves; true if it was saved. */
    update(change) {
      load();
      data = ensure(change(data));
      return save();
    },
    asideCopies: () => store.asideCopies(),
    /** Removes everything saved on this device and starts a new review. */
    clearAll() {
      const cleared = store.clearAll();
      if (cleared && store.available) {
        readOnly = false;
        dirty = false;
        problem = "";
      }
      data = ensure(emptyData());
      return save() || !store.available;
    },
  };
}
