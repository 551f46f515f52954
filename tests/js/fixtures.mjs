// Small stand-ins shared by the JavaScript unit tests.

export const T0 = "2026-03-01T10:00:00.000Z";
export const T1 = "2026-03-02T11:30:00.000Z";
export const T2 = "2026-03-03T09:15:00.000Z";

/** A framework in the shape of the summary page's data-framework: two stages, one full marker. */
export const FRAMEWORK = {
  contentVersion: "1.0.0",
  stages: [
    {
      id: "review-setup", title: "Review setup", label: "Stage 1 of 2: Review setup",
      markers: [{ id: "referral", number: 1, title: "Referral", url: "../markers/referral/", questions: [] }],
    },
    {
      id: "review-outputs", title: "Review outputs", label: "Stage 2 of 2: Review outputs",
      markers: [{
        id: "improvement-action", number: 15, title: "Improvement action", url: "../markers/improvement-action/",
        questions: [
          { id: "coherent-mechanism", text: "Is there a coherent mechanism?" },
          { id: "clear-leadership", text: "Is there clear leadership?" },
          { id: "time-given", text: "Is appropriate time given?" },
        ],
      }],
    },
  ],
};

/** An in-memory Storage; `fail` makes writes throw like a full or blocked store. */
export class MemoryStorage {
  constructor(entries = {}) {
    this.map = new Map(Object.entries(entries));
    this.fail = null;
  }

  get length() {
    return this.map.size;
  }

  key(i) {
    return [...this.map.keys()][i] ?? null;
  }

  getItem(k) {
    return this.map.has(k) ? this.map.get(k) : null;
  }

  setItem(k, v) {
    if (this.fail === "full") throw Object.assign(new Error("quota"), { name: "QuotaExceededError", code: 22 });
    if (this.fail) throw Object.assign(new Error("denied"), { name: "SecurityError" });
    this.map.set(k, String(v));
  }

  removeItem(k) {
    this.map.delete(k);
  }
}
