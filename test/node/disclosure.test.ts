import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { protectAdditiveGroup, protectFunnel } from '../../src/core/disclosure.ts';
import type { Cell } from '../../src/core/types.ts';

const shown = (value: number): Cell => ({ n: value, value });
const hidden: Cell = { n: 0, suppressed: true };
const k = 11;

describe('protectAdditiveGroup(total, members, k)', () => {
  it('leaves a group alone when nothing is hidden, or when the total is not shown', () => {
    assert.deepEqual(protectAdditiveGroup(shown(30), [shown(10), shown(20)], k), { hide: [], hideTotal: false });
    assert.deepEqual(protectAdditiveGroup(hidden, [shown(40), hidden], k), { hide: [], hideTotal: false });
  });

  it('accepts two hidden members whose known sum is at least k', () => {
    assert.deepEqual(protectAdditiveGroup(shown(230), [shown(80), shown(60), shown(45), hidden, hidden], k), { hide: [], hideTotal: false });
  });

  it('hides the smallest member that protects a lone hidden one', () => {
    // 90 - 40 - 25 - 16 - 0 = 9: hiding 16 makes the hidden pair sum to 25.
    assert.deepEqual(protectAdditiveGroup(shown(90), [shown(40), shown(25), shown(16), hidden, shown(0)], k), { hide: [2], hideTotal: false });
  });

  it('hides more when two hidden members add up to fewer than k', () => {
    // 50 - 43 = 7 across two hidden members: the only shown member, 43, must be hidden too.
    assert.deepEqual(protectAdditiveGroup(shown(50), [shown(43), hidden, hidden], k), { hide: [0], hideTotal: false });
    // 100 - 20 - 30 - 45 = 5: 20 is the smallest that reaches 11.
    assert.deepEqual(protectAdditiveGroup(shown(100), [shown(45), shown(20), shown(30), hidden, hidden], k), { hide: [1], hideTotal: false });
  });

  it('asks to hide the total when no member can help (zeros do not)', () => {
    assert.deepEqual(protectAdditiveGroup(shown(12), [shown(0), shown(0), hidden], k), { hide: [], hideTotal: true });
  });
});

describe('protectFunnel(stages, k)', () => {
  it('keeps stages that differ by 0 or at least k', () => {
    assert.deepEqual(protectFunnel([shown(120), shown(84), shown(50)], k), []);
    assert.deepEqual(protectFunnel([shown(40), shown(40), shown(0)], k), []);
  });

  it('hides a later stage that differs from an earlier shown one by 1 to k-1', () => {
    assert.deepEqual(protectFunnel([shown(100), shown(95), shown(60)], k), [1]);
    // Not adjacent: 40 and 33 differ by 7 across a hidden stage.
    assert.deepEqual(protectFunnel([shown(40), hidden, shown(33)], k), [2]);
  });

  it('hides a stage that would pin a hidden stage between two equal numbers', () => {
    assert.deepEqual(protectFunnel([shown(30), hidden, shown(30)], k), [2]);
  });
});
