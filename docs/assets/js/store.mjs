// Saving, no DOM. Storage may be blocked, read-only, full or damaged, and other tabs may be
// saving too: none of that may lose work (README, "Saving").
// - The saved data is the truth. A change is a function kept in `pending` until it is saved,
//   and replayed on the latest saved data each time, so no tab ever saves a stale copy of what
//   another tab wrote.
// - Each tab has its own current review (sessionStorage); the saved `current` is only where a
//   new tab starts. Changes name their review, so one tab's typing never lands in another's.
// problem() is a code: "unavailable", "full", "damaged" (kept aside), "damagedNotKept" or "newer".

import { addReview, emptyData, findReview, newId, parseSaved, serialize, switchReview } from "./review.mjs";

// Firefox's older name and the legacy codes are for browsers before the standard name.
const isFull = (e) => e?.name === "QuotaExceededError" || e?.name === "NS_ERROR_DOM_QUOTA_REACHED" || [22, 1014].includes(e?.code);

function attempt(action) {
  try {
    return action();
  } catch {
    return undefined;
  }
}

export function openSession(getStorage, prefix, options = {}) {
  const { now = () => new Date().toISOString(), makeId = newId, getTabStorage = () => sessionStorage, saveDelay = 300 } = options;
  const key = prefix + "data";
  const aside = prefix + "damaged:";
  const tabKey = prefix + "current";
  const storage = attempt(getStorage) ?? null;
  const tabStorage = attempt(getTabStorage) ?? null;
  let canRead = false;
  let canWrite = false;
  let problem = "";
  function probe() {
    canRead = attempt(() => (storage.getItem(key), true)) ?? false;
    try {
      storage.setItem(key + ":probe", "1");
      storage.removeItem(key + ":probe");
      canWrite = canRead;
    } catch (e) {
      canWrite = canRead && isFull(e); // a full store can still be read and cleared
    }
    problem = canWrite ? "" : "unavailable";
  }
  probe();
  let locked = false; // damaged or newer data that could not be kept aside: never written over
  let saved = emptyData(); // as last read
  let lastRaw; // the text it was read from
  let pending = []; // changes not saved yet, oldest first
  let rewrite = false; // the saved text needs writing again (damaged parts were dropped)
  let data = saved; // saved + pending: what the pages show
  // What `data` was made from: the saved data, the list of waiting changes and how many of them.
  let made = { from: saved, changes: pending, count: 0 };
  let shown = saved; // the saved data as of the last settle
  let tab = attempt(() => tabStorage.getItem(tabKey)) ?? null;
  let notice = null;
  let starting = null; // the change that adds a first visit's review, until it is saved

  function read() {
    if (!canRead || locked) return;
    let raw;
    try {
      raw = storage.getItem(key);
    } catch {
      canRead = canWrite = false;
      problem ||= "unavailable";
      return;
    }
    if (raw === lastRaw) return;
    lastRaw = raw;
    const parsed = parseSaved(raw);
    saved = parsed.data;
    if (!parsed.damaged) return;
    // Kept aside unchanged before anything is saved over it.
    const kept = !parsed.newer && canWrite && attempt(() => (storage.setItem(aside + now(), raw), true));
    if (kept) [problem, rewrite] = ["damaged", true];
    else [problem, locked, canWrite] = [parsed.newer ? "newer" : "damagedNotKept", true, false];
  }

  const ours = () => (attempt(() => Array.from({ length: storage.length }, (_, i) => storage.key(i))) ?? [])
    .filter((k) => k?.startsWith(prefix));

  function setTab(id) {
    tab = id;
    attempt(() => tabStorage.setItem(tabKey, id));
  }

  // `report`: say so if this tab's review has gone (deleted in another tab, or all cleared).
  function settle(report) {
    // Only a review that was saved can have been deleted elsewhere.
    const before = findReview(shown, tab);
    shown = saved;
    // A new review nobody has typed in yet gives way to one another tab has saved meanwhile.
    if (pending.length === 1 && pending[0] === starting && saved.reviews.length) pending = [];
    // Every waiting change is replayed on newly read data; on the same data only those added since,
    // or typing would replay each key of a pause at every key.
    const same = made.from === saved && made.changes === pending;
    data = pending.slice(same ? made.count : 0).reduce((d, change) => change(d), same ? data : saved);
    made = { from: saved, changes: pending, count: pending.length };
    if (!data.reviews.length) {
      // A first visit gets a review without being asked.
      const [at, id] = [now(), makeId()];
      // Replayed until saved: if another tab saves a review after this tab's first answer, both are kept.
      starting = (d) => (findReview(d, id) ? d : addReview(d, "", at, id));
      pending.push(starting);
      data = starting(data);
      made.count = pending.length;
    }
    if (!findReview(data, tab)) {
      // Gone from the saved data, not by this tab's own change: another tab deleted it.
      if (report && before && !findReview(saved, before.id)) notice = { deleted: before.name, cleared: !saved.reviews.length };
      setTab((findReview(data, data.current) ?? data.reviews[0]).id);
    }
  }

  function flush() {
    if (!canWrite || (!pending.length && !rewrite)) return canWrite;
    try {
      const text = serialize(data);
      storage.setItem(key, text);
      [saved, shown, lastRaw, pending, rewrite] = [data, data, text, [], false];
      if (problem === "full") problem = "";
      return true;
    } catch (e) {
      problem = isFull(e) ? "full" : "unavailable";
      canWrite = isFull(e);
      return false;
    }
  }

  // Typing is saved after a pause (`update` with `tell`): with thousands of answers a save takes more than a frame.
  let timer = null;
  let told = [];
  function saveNow() {
    clearTimeout(timer);
    timer = null;
    const done = flush();
    for (const tell of told.splice(0)) tell(done);
    return done;
  }
  // Typing waited: replayed on what other tabs saved meanwhile, then saved.
  function saveLatest() {
    read();
    settle(true);
    return saveNow();
  }

  read();
  settle(false);
  // A first visit's review is saved with its first answer, so visits leave no empty reviews.
  if (rewrite) flush();
  return {
    get data() {
      return data;
    },
    /** This tab's review. */
    review: () => findReview(data, tab),
    problem: () => problem,
    /** What another tab did that the page should say, once: `{ deleted: name, cleared }` or null. */
    takeNotice: () => [notice, (notice = null)][0],
    now,
    makeId,
    /** Another tab saved: take in its changes (and save ours, if the store had been full). */
    load() {
      read();
      settle(true);
      if (problem === "full") flush();
    },
    // null: all storage was cleared.
    owns: (k) => k === null || k.startsWith(prefix),
    /** Apply `change` to the latest data and save it (with `tell`: after a pause, then `tell(saved)`);
     * `choose`: the review this tab works on next. */
    update(change, choose, tell) {
      // Read at once, or (typing) when saving: reading every review at each key costs more than a frame.
      if (!tell) read();
      pending.push(change);
      if (choose) pending.push((d) => switchReview(d, choose));
      settle(true);
      if (choose && findReview(data, choose)) setTab(choose);
      if (!tell) return saveNow();
      told.push(tell);
      clearTimeout(timer);
      timer = setTimeout(saveLatest, saveDelay);
    },
    /** The page is being left or hidden: save any typing that waits for a pause. */
    saveWaiting: () => timer !== null && saveLatest(),
    asideCopies: () => ours().filter((k) => k.startsWith(aside)).sort().map((k) => ({ saved: k.slice(aside.length), text: storage.getItem(k) })),
    /** Delete everything this site saved in this browser. False if some of it could not be. */
    clearAll() {
      const keys = ours();
      const cleared = !!storage && (attempt(() => (keys.forEach((k) => storage.removeItem(k)), true)) ?? false);
      if (cleared) {
        locked = false;
        probe();
      }
      [saved, lastRaw, pending, rewrite, data, shown, tab] = [emptyData(), null, [], false, emptyData(), emptyData(), null];
      settle(false);
      return saveNow() && cleared;
    },
  };
}
