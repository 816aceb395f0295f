// Memos of the extract stage's per-message work (a message's normalised text, its header values,
// its returned original...): every registered format asks for the same few things of the message
// in turn, and each is made once.
//
// Why not WeakMaps keyed by the message: V8's young-generation collector keeps every WeakMap value
// whose key is still young alive, promoting it to the old generation (measured on Node 20: 300,000
// entries of 4 KB, 102 MB promoted against 5 MB without the WeakMap). One entry per message made
// each message's texts survive two collections and fill the old generation: 2.5 MB promoted per
// scavenge, ~10% of the bench's time in GC. A memo holds the two most recent keys instead (a
// message and, for a forwarded report, the message inside it) and explain() forgets them when a
// message is done, so no large input stays alive after it.

const all: RecentMemo<object, unknown>[] = [];

/** The values of the two most recent keys, by identity. A miss only means the work is done again. */
export class RecentMemo<K extends object, V> {
  private k0: K | undefined;
  private v0: V | undefined;
  private k1: K | undefined;
  private v1: V | undefined;

  get(key: K): V | undefined {
    if (key === this.k0) return this.v0;
    if (key === this.k1) return this.v1;
    return undefined;
  }

  set(key: K, value: V): void {
    if (key !== this.k0) {
      this.k1 = this.k0;
      this.v1 = this.v0;
      this.k0 = key;
    }
    this.v0 = value;
  }

  clear(): void {
    this.k0 = this.k1 = undefined;
    this.v0 = this.v1 = undefined;
  }
}

/** A memo that forgetRecentMemos() clears. */
export function recentMemo<K extends object, V>(): RecentMemo<K, V> {
  const memo = new RecentMemo<K, V>();
  all.push(memo as RecentMemo<object, unknown>);
  return memo;
}

/** Forgets every memo's keys and values (explain() calls it when a message is done). */
export function forgetRecentMemos(): void {
  for (const memo of all) memo.clear();
}
