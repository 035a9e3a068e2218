import { en } from '../en.js';

/**
 * English strings of the complement protection (`src/elements/shared/protect.ts`), which only the
 * elements that show parts of a total use; importing this module adds them to `en`.
 */
export const protectMessages = {
  hiddenShort: 'Hidden',
  hiddenBySubtraction: 'hidden, because together with the numbers shown it would reveal a hidden count',
};

Object.assign(en, protectMessages);
