/** The typed-array window of open groups gives the same groups, in the same close order, as a plain Map. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ClosedIds, GroupWindow, hashId, type WindowOptions } from '../../../src/builder/groups.ts';

/**
 * The Map-based window the builder used before (kept here as the reference): a Map of open ids,
 * a FIFO queue with second chances, room made before a new group joins, flush in opening order.
 */
class MapWindow<S extends { stamp: number }> {
  private open = new Map<string, S>();
  private queue: Array<{ id: string; stamp: number; entry: S }> = [];
  private clock = 0;
  private closed = new ClosedIds();
  late = false;
  constructor(private readonly limit: number, private readonly onClose: (state: S) => void) {}
  get(id: string, create: () => S): S {
    const stamp = ++this.clock;
    this.late = false;
    let entry = this.open.get(id);
    if (entry !== undefined) {
      entry.stamp = stamp;
      return entry;
    }
    this.late = this.closed.has(id);
    if (this.open.size >= this.limit) {
      for (;;) {
        const head = this.queue.shift()!;
        if (head.entry.stamp !== head.stamp) {
          this.queue.push({ ...head, stamp: head.entry.stamp });
          continue;
        }
        this.open.delete(head.id);
        this.closed.add(head.id);
        this.onClose(head.entry);
        break;
      }
    }
    entry = create();
    entry.stamp = stamp;
    this.open.set(id, entry);
    this.queue.push({ id, stamp, entry });
    return entry;
  }
  flush(): void {
    for (const [id, entry] of this.open) {
      this.closed.add(id);
      this.onClose(entry);
    }
    this.open.clear();
  }
}

/** Call n's id: short ones, and every fifth longer than the window's character pool (16). */
const name = (n: number) => (n % 5 === 0 ? `CALL-2024-000000-${n}` : `C${n}`);

/** A reproducible stream of ids: mostly runs of one id, some returning after a few others, some after many. */
function ids(seed: number, count: number): string[] {
  let state = seed;
  const random = () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 4294967296);
  const out: string[] = [];
  let next = 0;
  for (let i = 0; i < count; i++) {
    const r = random();
    if (r < 0.5 || out.length === 0) out.push(name(next++));
    else if (r < 0.75) out.push(out[out.length - 1]!);
    else if (r < 0.95) out.push(out[Math.max(0, out.length - 1 - Math.floor(random() * 20))]!);
    else out.push(name(Math.floor(random() * next)));
  }
  return out;
}

/** Every row's group number and late flag, then the order groups closed in: one string to compare. */
function trace(make: (onClose: (s: { group: number; stamp: number }) => void) => {
  get(id: string, create: () => { group: number; stamp: number }): { group: number };
  late: boolean;
  flush(): void;
}, stream: string[]): string {
  const closed: number[] = [];
  const w = make((s) => closed.push(s.group));
  let groups = 0;
  const rows = stream.map((id) => {
    const g = w.get(id, () => ({ group: groups++, stamp: 0 }));
    return `${g.group}${w.late ? 'L' : ''}`;
  });
  w.flush();
  return `${rows.join(' ')} | ${closed.join(' ')}`;
}

describe('GroupWindow', () => {
  const cases: Array<[string, WindowOptions]> = [
    ['FNV-1a hashes', {}],
    ['every id hashed to the first table entry (one long probe run)', { tableHash: () => 0 }],
    ['every id hashed to the last table entry (probe runs wrap around)', { tableHash: () => -1 }],
    ['four table hashes (runs that interleave and shift back on delete)', { tableHash: (id) => (id.charCodeAt(id.length - 1) & 3) - 2 }],
    ['the final close sorting slots through a comparator (as when its numeric keys would pass 2^53)', { exactKeys: 0 }],
  ];
  for (const [name, options] of cases) {
    for (const limit of [1, 3, 16, 100]) {
      it(`with ${name} and ${limit} open groups, matches the Map window row by row and in close order`, () => {
        const stream = ids(limit * 7919 + 1, 4000);
        const expected = trace((onClose) => new MapWindow(limit, onClose), stream);
        const actual = trace((onClose) => new GroupWindow(limit, onClose, options), stream);
        assert.equal(actual, expected);
        // Ids read where they stand in a line, with and without hashes worked out by the reader.
        const hashes = new Int32Array(3);
        for (const withHashes of [false, true]) {
          const inLine = trace((onClose) => {
            const w = new GroupWindow<{ group: number; stamp: number }>(limit, onClose, options);
            return {
              get: (id, create) => {
                const line = `x,${id},y`;
                hashId(line, 2, 2 + id.length, hashes, 0);
                return w.getIn(line, 2, 2 + id.length, create, withHashes ? hashes : undefined);
              },
              get late() { return w.late; },
              flush: () => w.flush(),
            };
          }, stream);
          assert.equal(inLine, expected, withHashes ? 'in a line, with hashes' : 'in a line');
        }
        // The stream must exercise what it claims to: groups closing early and late rows.
        assert.match(expected, /L/);
      });
    }
  }

  it('a full window of colliding ids finds each one again after others were closed around it', () => {
    const closed: string[] = [];
    const w = new GroupWindow<{ id: string }>(4, (s) => closed.push(s.id), { tableHash: () => 5 });
    for (const id of ['a', 'b', 'c', 'd']) w.get(id, () => ({ id }));
    w.get('e', () => ({ id: 'e' })); // closes a, the probe run's head
    assert.deepEqual(closed, ['a']);
    for (const id of ['b', 'c', 'd', 'e']) assert.equal(w.get(id, () => ({ id: `${id}!` })).id, id);
    assert.equal(w.late, false);
    w.get('a', () => ({ id: 'a2' }));
    assert.equal(w.late, true);
    assert.deepEqual(closed, ['a', 'b']);
  });
});

describe('ClosedIds', () => {
  it('grows instead of filling up: no id it was given is missed, and few it was not are claimed', () => {
    // A first filter of 1,024 bits takes 51 ids; 20,000 ids need nine filters. A fixed filter of
    // that size would claim nearly every new id (the 10M-row build reported a million late rows).
    const closed = new ClosedIds(1 << 10);
    for (let i = 0; i < 20_000; i++) closed.add(`call-${i}`);
    assert.ok(closed.filterCount > 5, `${closed.filterCount} filters`);
    for (let i = 0; i < 20_000; i++) assert.equal(closed.has(`call-${i}`), true, `call-${i}`);
    let claimed = 0;
    for (let i = 0; i < 20_000; i++) if (closed.has(`other-${i}`)) claimed++;
    assert.ok(claimed / 20_000 < 0.03, `${claimed} of 20,000 new ids claimed`);
  });
});

describe('GroupWindow.lateByChance', () => {
  it('estimates the false alarms of an ordered stream, and does not hide real late rows', () => {
    // Ordered ids, a small window: every "late" answer is a false positive of the filter.
    const w = new GroupWindow<{ id: string }>(8, () => {});
    let late = 0;
    for (let i = 0; i < 50_000; i++) {
      w.get(`id-${i}`, () => ({ id: `id-${i}` }));
      if (w.late) late++;
    }
    assert.ok(late <= w.lateByChance, `${late} flagged, estimate ${w.lateByChance.toFixed(1)}`);
    assert.ok(w.lateByChance < 50_000 * 0.01, `estimate ${w.lateByChance.toFixed(1)} stays near the filter's rate`);
    // A real late row (an id closed long ago) is still flagged.
    w.get('id-3', () => ({ id: 'id-3' }));
    assert.equal(w.late, true);
  });
});
