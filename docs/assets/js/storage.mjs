// The answers of this tab, in localStorage (no DOM). Storage may be blocked, full or damaged;
// none of that may lose work (see the README). Each change is applied to the latest saved
// data, so another tab's changes are kept.

import { currentReview, emptyData, newId, parseSaved, serialize, withCurrentReview } from "./state.mjs";

const SELF = "the “My self-assessment” page";
const ONLY_UNTIL = "your answers are kept only until you close or reload this page";
export const MESSAGES = {
  unavailable: `This browser is not letting the site save your answers (as in private browsing), so ${ONLY_UNTIL}. To keep them, download them from ${SELF}.`,
  full: `Your latest change was not saved because this browser's storage for the site is full; what was saved before is safe. To make room, download and delete reviews you no longer need on ${SELF}.`,
  damaged: `Some saved answers could not be read because the saved data is damaged. Nothing was deleted: a copy is kept aside, and ${SELF} lets you download it.`,
  damagedNotKept: `The saved answers could not be read because the saved data is damaged, and there is no room to keep a copy, so the site will not save over them: ${ONLY_UNTIL}.`,
  newer: `Your answers were saved by a newer version of this site, so this page will not save over them (reload it to get the newer version): ${ONLY_UNTIL}.`,
};

const isFull = (e) => e?.name === "QuotaExceededError";

export function openSession(getStorage, prefix, { now = () => new Date().toISOString(), makeId = newId } = {}) {
  const key = prefix + "data";
  const aside = prefix + "damaged:";
  let storage = null;
  try {
    storage = getStorage();
    storage.setItem(key + ":probe", "1");
    storage.removeItem(key + ":probe");
  } catch (e) {
    if (!isFull(e)) storage = null; // a full store can still be read and cleared
  }
  const ours = () => Array.from({ length: storage?.length ?? 0 }, (_, i) => storage.key(i)).filter((k) => k?.startsWith(prefix));
  let data = emptyData();
  let readOnly = !storage;
  let dirty = false;
  let problem = readOnly ? MESSAGES.unavailable : "";
  const ensure = () => (data = withCurrentReview(data, now(), makeId()));

  function save() {
    try {
      if (readOnly) return false;
      storage.setItem(key, serialize(data));
      dirty = false;
      if (problem === MESSAGES.full) problem = "";
    } catch (e) {
      dirty = true;
      problem = isFull(e) ? MESSAGES.full : MESSAGES.unavailable;
    }
    return !dirty;
  }

  function load() {
    let raw;
    try {
      if (!readOnly && !dirty) raw = storage.getItem(key);
    } catch {
      readOnly = true;
      problem = MESSAGES.unavailable;
    }
    if (raw === undefined) return ensure();
    const parsed = parseSaved(raw);
    data = parsed.data;
    if (parsed.damaged) {
      let kept = !parsed.newer;
      try {
        if (kept) storage.setItem(aside + now(), raw);
      } catch {
        kept = false;
      }
      readOnly = !kept;
      problem = kept ? MESSAGES.damaged : parsed.newer ? MESSAGES.newer : MESSAGES.damagedNotKept;
    }
    if (ensure() !== parsed.data || parsed.damaged) save();
  }

  load();
  return {
    get data() {
      return data;
    },
    review: () => currentReview(data),
    problem: () => problem,
    now,
    makeId,
    load,
    // null: all storage was cleared.
    owns: (k) => k === null || k.startsWith(prefix),
    update(change) {
      load();
      data = change(data);
      ensure();
      return save();
    },
    asideCopies: () => ours().filter((k) => k.startsWith(aside)).sort().map((k) => ({ saved: k.slice(aside.length), text: storage.getItem(k) })),
    clearAll() {
      try {
        ours().forEach((k) => storage.removeItem(k));
        if (storage) [readOnly, dirty, problem] = [false, false, ""];
      } catch {}
      data = emptyData();
      ensure();
      return save() || !storage;
    },
  };
}
