import { expect } from '@open-wc/testing';
import { IdleQueue } from '../../src/elements/shared/tasks.js';
import { holdIdleCallbacks } from './helpers.js';

describe('IdleQueue', () => {
  // The page's idle moments, held so that each test says when they come and how long they are.
  const moments = holdIdleCallbacks();

  /**
   * A queue whose items each take `costs[item]` ms on its own clock, and a moment that starts with
   * `room` ms: it ends when the items handled in it have used that up.
   */
  function setUp(costs: Record<string, number>) {
    let clock = 0;
    const handled: string[] = [];
    const queue = new IdleQueue<string>((item) => { handled.push(item); clock += costs[item]!; }, 200, () => clock);
    const moment = (room: number, didTimeout = false) => {
      const pending = moments.splice(0).filter(Boolean);
      expect(pending, 'one idle callback is waiting').to.have.length(1);
      const end = clock + room;
      const before = handled.length;
      pending[0]!({ didTimeout, timeRemaining: () => Math.max(0, end - clock) });
      return handled.slice(before);
    };
    return { queue, moment, handled };
  }

  it('handles in one moment as many items as it has room for, in the order they came', () => {
    const { queue, moment } = setUp({ a: 1, b: 1, c: 1 });
    for (const item of ['a', 'b', 'c']) queue.add(item);
    expect(moment(50)).to.deep.equal(['a', 'b', 'c']);
    expect(moments.filter(Boolean), 'nothing left to wait for').to.have.length(0);
  });

  it('starts no item that the moment has no room for, judged by how long items have taken', () => {
    const { queue, moment } = setUp({ a: 8, b: 3, c: 3, d: 3 });
    for (const item of ['a', 'b', 'c', 'd']) queue.add(item);
    // 10 ms: `a` takes 8, which leaves 2, under the 8 the next item is expected to take.
    expect(moment(10)).to.deep.equal(['a']);
    // 8 ms is not more than that: nothing starts, and the queue waits again.
    expect(moment(8)).to.deep.equal([]);
    // `b` leaves 6, more than the 4 expected after it (half of 8); `c` leaves 3, not more than its own 3.
    expect(moment(9)).to.deep.equal(['b', 'c']);
    expect(moment(4)).to.deep.equal(['d']);
    expect(moments.filter(Boolean)).to.have.length(0);
  });

  it('soon forgets one slow item, and starts an item longer than any moment at the start of a whole one', () => {
    const { queue, moment } = setUp({ slow: 60, a: 1, b: 1, c: 1, d: 1, longer: 70, e: 1 });
    for (const item of ['slow', 'a', 'b', 'c', 'd', 'longer', 'e']) queue.add(item);
    expect(moment(50)).to.deep.equal(['slow']);
    // 60 ms expected, more than any idle moment: only a whole one (50 ms) starts the next item.
    expect(moment(45)).to.deep.equal([]);
    // Then 30, 15, 7.5 and 3.75 expected after the quick ones, and `longer` starts with 46 ms left.
    expect(moment(50)).to.deep.equal(['a', 'b', 'c', 'd', 'longer']);
    expect(moment(45)).to.deep.equal([]);
    expect(moment(50)).to.deep.equal(['e']);
  });

  it('handles one item in a moment that came by the timeout, whatever its room, so a busy page gets through them', () => {
    const { queue, moment } = setUp({ a: 6, b: 6, c: 6 });
    for (const item of ['a', 'b', 'c']) queue.add(item);
    expect(moment(0, true)).to.deep.equal(['a']);
    expect(moment(0)).to.deep.equal([]);
    expect(moment(0, true)).to.deep.equal(['b']);
    // A timed-out moment with room goes on as any other.
    expect(moment(7, true)).to.deep.equal(['c']);
  });

  it('cancels its callback when the last waiting item is taken off, and asks again for a new one', () => {
    const { queue, moment, handled } = setUp({ a: 1, b: 1 });
    queue.add('a');
    queue.add('b');
    queue.delete('a');
    expect(moments.filter(Boolean), 'one item still waits').to.have.length(1);
    queue.delete('b');
    expect(moments.filter(Boolean), 'cancelled').to.have.length(0);
    queue.delete('b');
    queue.add('a');
    expect(moment(50)).to.deep.equal(['a']);
    expect(handled).to.deep.equal(['a']);
  });
});
