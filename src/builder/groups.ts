/**
 * The window of open groups (calls, incidents, people) and the filter of closed group ids.
 *
 * A build holds up to `groupWindow` (100,000) groups open, and every row that starts a new group
 * looks its id up, makes room by closing the least recently touched group and inserts itself. With
 * a JavaScript Map keyed by id strings, that was a fifth of a build's time: each lookup hashes a
 * fresh string, and each entry (Map bucket, id string, queue record) lives long enough to be
 * promoted and traced by the collector. Here the window is a fixed set of slots in typed arrays,
 * found through an open-addressing table keyed by the FNV-1a hash that the closed-id filter needs
 * anyway, so one pass over the id's characters serves both.
 */

/** Ids up to this many UTF-16 units are kept in the character pool; longer ones as strings. */
const ID_CHARS = 16;

/** How a GroupWindow hashes and sorts; both exist for tests, which must see the same results. */
export interface WindowOptions {
  /**
   * Replaces the table's hash of an id (not the closed-id filter's). Tests pass a hash with few
   * values to force collisions and wrap-around; every result must stay the same.
   */
  tableHash?: (id: string) => number;
  /** Largest sort key `flush` may build (2^53 - 1); tests lower it to take the other road. */
  exactKeys?: number;
}

/**
 * The three FNV-1a hashes (seeds 0, 0x9e3779b9, 0x85ebca6b) of `text.slice(start, end)`, written
 * to `out[at]`, `out[at + 1]`, `out[at + 2]`. A reader may compute them for the window (in
 * another thread, say); see GroupWindow.getIn.
 */
export function hashId(text: string, start: number, end: number, out: Int32Array, at: number): void {
  let a = 2166136261 ^ 0;
  let b = 2166136261 ^ 0x9e3779b9;
  let c = 2166136261 ^ 0x85ebca6b;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    a = Math.imul(a ^ code, 16777619);
    b = Math.imul(b ^ code, 16777619);
    c = Math.imul(c ^ code, 16777619);
  }
  out[at] = a;
  out[at + 1] = b;
  out[at + 2] = c;
}

/**
 * Which group ids were (probably) closed: a scalable Bloom filter with three FNV-1a hashes. A
 * fixed filter filled up on big inputs: at 10M rows (5M calls) a 1 MB one answered "closed" for
 * more than half of all new ids, and the build warned about a million late rows that were not.
 * Here each filter takes ids until it holds one per 20 bits (a false positive rate of about 0.2%)
 * and then a twice larger one takes over; a query asks them all, so the rate stays near 1% at
 * 10M calls while the memory grows with the number of ids (20 bits each, up to twice that while
 * the newest filter fills: 15 MB at 5M ids), not with the rows.
 */
export class ClosedIds {
  private static readonly FIRST_BITS = 1 << 23; // 1 MB
  private static readonly BITS_PER_ID = 32;
  private readonly filters: Array<{ bits: Uint32Array; mask: number; room: number }> = [];
  private current!: { bits: Uint32Array; mask: number; room: number };
  /** The three hashes (hashId) of the id last given to `hash`. */
  readonly hashes = new Int32Array(3);

  constructor(firstBits = ClosedIds.FIRST_BITS) {
    this.grow(firstBits);
  }

  /**
   * The chance that an id never added is claimed now: at most the sum of each filter's chance
   * (its share of set bits, cubed, for three hashes).
   */
  falsePositiveRate(): number {
    let rate = 0;
    for (const { mask, room } of this.filters) {
      const size = mask + 1;
      const ids = Math.floor(size / ClosedIds.BITS_PER_ID) - room;
      rate += (1 - Math.exp((-3 * ids) / size)) ** 3;
    }
    return Math.min(1, rate);
  }

  /** How many filters hold the ids so far (grows with their number; for tests). */
  get filterCount(): number {
    return this.filters.length;
  }

  hash(text: string, start = 0, end = text.length): void {
    hashId(text, start, end, this.hashes, 0);
  }
  /** Adds the id whose hashes are given (as left by `hash`). */
  addHashes(a: number, b: number, c: number): void {
    let filter = this.current;
    if (filter.room === 0) filter = this.grow((filter.mask + 1) * 2);
    filter.room--;
    const { bits, mask } = filter;
    bits[(a & mask) >>> 5]! |= 1 << (a & 31);
    bits[(b & mask) >>> 5]! |= 1 << (b & 31);
    bits[(c & mask) >>> 5]! |= 1 << (c & 31);
  }
  hasHashes(a: number, b: number, c: number): boolean {
    for (const { bits, mask } of this.filters) {
      if ((bits[(a & mask) >>> 5]! & (1 << (a & 31))) !== 0 && (bits[(b & mask) >>> 5]! & (1 << (b & 31))) !== 0
        && (bits[(c & mask) >>> 5]! & (1 << (c & 31))) !== 0) return true;
    }
    return false;
  }
  add(id: string): void {
    this.hash(id);
    this.addHashes(this.hashes[0]!, this.hashes[1]!, this.hashes[2]!);
  }
  has(id: string): boolean {
    this.hash(id);
    return this.hasHashes(this.hashes[0]!, this.hashes[1]!, this.hashes[2]!);
  }
  private grow(bits: number): { bits: Uint32Array; mask: number; room: number } {
    // Hashes are 32-bit, so a filter can address at most 2^32 bits; past that, the last one keeps filling.
    const size = Math.min(bits, 2 ** 32);
    this.current = { bits: new Uint32Array(size / 32), mask: size - 1, room: size === 2 ** 32 ? Infinity : Math.floor(size / ClosedIds.BITS_PER_ID) };
    this.filters.push(this.current);
    return this.current;
  }
}

/**
 * Open groups; when a new group would make more than `limit`, the least recently touched one
 * closes first. A touch only stamps the group's slot; a FIFO queue with second chances finds the
 * group to close in amortised O(1). The order in which groups close (and so every result) is the
 * same as the Map-based window this replaced: tests check it against that version.
 */
export class GroupWindow<S> {
  private readonly closed = new ClosedIds();
  /** Open-addressing table (linear probing): slot + 1, or 0 for empty. */
  private readonly table: Int32Array;
  private readonly mask: number;
  // Per slot: the id (its characters in a fixed-width pool, or the string itself when longer),
  // its table hash, the closed-id filter's three hashes, the last touch, the touch that opened
  // it (the close order of `flush`) and the caller's state.
  private readonly chars: Uint16Array;
  private readonly lengths: Int32Array;
  private readonly longIds: string[];
  private readonly homes: Int32Array;
  private readonly h1s: Int32Array;
  private readonly h2s: Int32Array;
  private readonly h0s: Int32Array;
  private readonly stamps: Float64Array;
  private readonly opened: Float64Array;
  private readonly states: Array<S | undefined>;
  /** Free slots, as a stack. */
  private readonly free: Int32Array;
  private freeCount: number;
  private size = 0;
  // The queue (a ring of `limit` entries: each open group is queued exactly once).
  private readonly queueSlots: Int32Array;
  private readonly queueStamps: Float64Array;
  private head = 0;
  private queued = 0;
  private clock = 0;
  // Rows of one group usually come one after another: the last group found skips the table.
  private lastSlot = -1;
  private readonly tableHash: ((id: string) => number) | undefined;
  private readonly exactKeys: number;
  /** Whether the group returned by the last `get` had (probably) been closed before. */
  late = false;
  /** Ids looked for among the closed ones (each new group's). */
  private newGroups = 0;

  /**
   * About how many new groups the closed-id filter called late by mistake so far: an upper
   * estimate (every check at the filter's current, highest, false-positive rate).
   */
  get lateByChance(): number {
    return this.newGroups * this.closed.falsePositiveRate();
  }

  constructor(private readonly limit: number, private readonly onClose: (state: S) => void, options: WindowOptions = {}) {
    let tableSize = 16;
    while (tableSize < limit * 2) tableSize *= 2;
    this.table = new Int32Array(tableSize);
    this.mask = tableSize - 1;
    // Ids are kept as characters, not strings: a string held for a hundred thousand rows is
    // copied twice and promoted by the collector, one per group, and that was most of its work.
    this.chars = new Uint16Array(limit * ID_CHARS);
    this.lengths = new Int32Array(limit);
    this.longIds = new Array<string>(limit).fill('');
    this.homes = new Int32Array(limit);
    this.h0s = new Int32Array(limit);
    this.h1s = new Int32Array(limit);
    this.h2s = new Int32Array(limit);
    this.stamps = new Float64Array(limit);
    this.opened = new Float64Array(limit);
    this.states = new Array<S | undefined>(limit).fill(undefined);
    this.free = new Int32Array(limit);
    for (let i = 0; i < limit; i++) this.free[i] = limit - 1 - i;
    this.freeCount = limit;
    this.queueSlots = new Int32Array(limit);
    this.queueStamps = new Float64Array(limit);
    this.tableHash = options.tableHash;
    this.exactKeys = options.exactKeys ?? Number.MAX_SAFE_INTEGER;
  }

  /** Returns the group's state, made with `create` when the id is not open; see `late`. */
  get(id: string, create: () => S): S {
    return this.getIn(id, 0, id.length, create);
  }

  /**
   * `get(text.slice(start, end), create)` without making the slice; `hashes[at..at + 2]` may bring
   * the id's hashes (hashId), computed by whoever read it.
   */
  getIn(text: string, start: number, end: number, create: () => S, hashes?: Int32Array, at = 0): S {
    const stamp = ++this.clock;
    this.late = false;
    if (this.lastSlot >= 0 && this.holds(this.lastSlot, text, start, end)) {
      this.stamps[this.lastSlot] = stamp;
      return this.states[this.lastSlot]!;
    }
    if (!hashes) {
      this.closed.hash(text, start, end);
      hashes = this.closed.hashes;
      at = 0;
    }
    const h0 = hashes[at]!;
    const h1 = hashes[at + 1]!;
    const h2 = hashes[at + 2]!;
    const home = this.tableHash ? this.tableHash(text.slice(start, end)) | 0 : h0;
    const table = this.table;
    const mask = this.mask;
    for (let i = home & mask; ; i = (i + 1) & mask) {
      const entry = table[i]!;
      if (entry === 0) break;
      const slot = entry - 1;
      if (this.homes[slot] === home && this.holds(slot, text, start, end)) {
        this.stamps[slot] = stamp;
        this.lastSlot = slot;
        return this.states[slot]!;
      }
    }
    this.late = this.closed.hasHashes(h0, h1, h2);
    this.newGroups++;
    // Room is made before the new group joins the queue: made after, when every other open group
    // had been touched since it was queued, the scan would reach and close the new group itself,
    // and the call's next row would open a second, "late" group.
    if (this.size >= this.limit) this.evictOne();
    const slot = this.free[--this.freeCount]!;
    // The eviction may have shifted entries, so the empty place is looked for again.
    let i = home & mask;
    while (table[i] !== 0) i = (i + 1) & mask;
    table[i] = slot + 1;
    this.size++;
    this.keep(slot, text, start, end);
    this.homes[slot] = home;
    this.h0s[slot] = h0;
    this.h1s[slot] = h1;
    this.h2s[slot] = h2;
    this.stamps[slot] = stamp;
    this.opened[slot] = stamp;
    const state = create();
    this.states[slot] = state;
    this.enqueue(slot, stamp);
    this.lastSlot = slot;
    return state;
  }

  private keep(slot: number, text: string, start: number, end: number): void {
    const length = end - start;
    this.lengths[slot] = length;
    if (length > ID_CHARS) {
      // A copy: a slice of a reader's chunk would keep the whole chunk alive.
      this.longIds[slot] = ` ${text.slice(start, end)}`.slice(1);
      return;
    }
    const chars = this.chars;
    for (let i = 0, to = slot * ID_CHARS; i < length; i++) chars[to + i] = text.charCodeAt(start + i);
  }

  private holds(slot: number, text: string, start: number, end: number): boolean {
    const length = end - start;
    if (this.lengths[slot] !== length) return false;
    if (length > ID_CHARS) {
      const id = this.longIds[slot]!;
      for (let i = 0; i < length; i++) if (id.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
      return true;
    }
    const chars = this.chars;
    for (let i = 0, from = slot * ID_CHARS; i < length; i++) if (chars[from + i] !== text.charCodeAt(start + i)) return false;
    return true;
  }

  private enqueue(slot: number, stamp: number): void {
    let tail = this.head + this.queued;
    if (tail >= this.limit) tail -= this.limit;
    this.queueSlots[tail] = slot;
    this.queueStamps[tail] = stamp;
    this.queued++;
  }

  private evictOne(): void {
    for (;;) {
      const slot = this.queueSlots[this.head]!;
      const queuedAt = this.queueStamps[this.head]!;
      if (++this.head === this.limit) this.head = 0;
      this.queued--;
      const stamp = this.stamps[slot]!;
      if (stamp !== queuedAt) {
        // Touched since it was queued: another turn at the back.
        this.enqueue(slot, stamp);
        continue;
      }
      this.close(slot);
      return;
    }
  }

  private close(slot: number): void {
    this.unlink(slot);
    if (slot === this.lastSlot) this.lastSlot = -1;
    this.closed.addHashes(this.h0s[slot]!, this.h1s[slot]!, this.h2s[slot]!);
    this.longIds[slot] = '';
    this.free[this.freeCount++] = slot;
    this.size--;
    this.onClose(this.states[slot]!);
  }

  /** Takes a slot out of the table, moving later entries of its probe run back (no tombstones). */
  private unlink(slot: number): void {
    const table = this.table;
    const mask = this.mask;
    let hole = this.homes[slot]! & mask;
    while (table[hole] !== slot + 1) hole = (hole + 1) & mask;
    for (let j = (hole + 1) & mask; ; j = (j + 1) & mask) {
      const entry = table[j]!;
      if (entry === 0) break;
      const home = this.homes[entry - 1]! & mask;
      // The entry at j may fill the hole unless its home lies cyclically in (hole, j].
      const stays = hole <= j ? home > hole && home <= j : home > hole || home <= j;
      if (!stays) {
        table[hole] = entry;
        hole = j;
      }
    }
    table[hole] = 0;
  }

  /** Closes every open group, in the order they were opened. */
  flush(): void {
    const open = new Float64Array(this.size);
    let n = 0;
    for (let i = 0; i < this.table.length; i++) if (this.table[i] !== 0) open[n++] = this.table[i]! - 1;
    const limit = this.limit;
    if ((this.clock + 1) * limit <= this.exactKeys) {
      // Sorted as numbers (opening touch x limit + slot: exact below 2^53), not through a
      // callback: a hundred thousand open groups took tens of milliseconds that way.
      for (let i = 0; i < n; i++) open[i] = this.opened[open[i]!]! * limit + open[i]!;
      open.sort();
      for (let i = 0; i < n; i++) this.close(open[i]! % limit);
    } else {
      const slots = Array.from(open, Number).sort((a, b) => this.opened[a]! - this.opened[b]!);
      for (const slot of slots) this.close(slot);
    }
    this.head = 0;
    this.queued = 0;
  }
}
