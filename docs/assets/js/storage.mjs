// Where answers live: the browser's localStorage, under keys that start with a prefix made
// from the site's path, so two sites on one host never share answers. Strings in, strings
// out; no DOM. Storage may be missing (private browsing, blocked by settings), full, or hold
// damaged data: every call is wrapped so none of that throws or loses what was saved.

const ASIDE = "damaged:";

/** Why a write failed: "full" or "unavailable". */
function failure(error) {
  const full = error?.name === "QuotaExceededError" || error?.code === 22 || error?.code === 1014;
  return full ? "full" : "unavailable";
}

/**
 * `getStorage` returns a Storage (it may throw: browsers throw when storage is blocked).
 * The result's `available` is false when nothing can be saved at all.
 */
export function openStore(getStorage, prefix) {
  let storage = null;
  try {
    storage = getStorage();
    storage.setItem(`${prefix}probe`, "1");
    storage.removeItem(`${prefix}probe`);
  } catch (error) {
    // A full store can still be read and cleared; a blocked one cannot be used at all.
    if (!storage || failure(error) !== "full") storage = null;
  }
  const key = `${prefix}data`;
  const keys = () => {
    const found = [];
    for (let i = 0; i < storage.length; i += 1) {
      const k = storage.key(i);
      if (k?.startsWith(prefix)) found.push(k);
    }
    return found;
  };

  return {
    available: Boolean(storage),
    key,

    /** Whether a `storage` event's key is ours (null means the whole store was cleared). */
    owns: (k) => k === null || k.startsWith(prefix),

    /** The saved text, null if nothing is saved, undefined if it cannot be read. */
    read() {
      if (!storage) return undefined;
      try {
        return storage.getItem(key);
      } catch {
        return undefined;
      }
    },

    /** Saves `text`: "" on success, else "full" or "unavailable"; the old value then stays. */
    write(text) {
      if (!storage) return "unavailable";
      try {
        storage.setItem(key, text);
        return "";
      } catch (error) {
        return failure(error);
      }
    },

    /** Keeps unreadable saved text under a key of its own; returns that key, or "" if it could not. */
    keepAside(text, now) {
      if (!storage) return "";
      const aside = `${prefix}${ASIDE}${now}`;
      try {
        storage.setItem(aside, text);
        return storage.getItem(aside) === text ? aside : "";
      } catch {
        return "";
      }
    },

    /** The copies kept aside, oldest first, as [{ key, saved, text }]. */
    asideCopies() {
      if (!storage) return [];
      try {
        return keys().filter((k) => k.startsWith(prefix + ASIDE)).sort()
          .map((k) => ({ key: k, saved: k.slice(prefix.length + ASIDE.length), text: storage.getItem(k) ?? "" }));
      } catch {
        return [];
      }
    },

    /** Removes everything this site saved; true if it all went. */
    clearAll() {
      if (!storage) return true;
      try {
        keys().forEach((k) => storage.removeItem(k));
        return keys().length === 0;
      } catch {
        return false;
      }
    },
  };
}
