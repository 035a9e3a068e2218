/**
 * Randomness for the optional noise rule (DESIGN.md rule 7). Seeded for tests and reproducible
 * demos; unseeded, it draws from `crypto.getRandomValues` (in Node 20 and every browser), because
 * noise from a predictable generator protects nothing.
 */

export type Random = () => number;

/** Mulberry32: small, fast, and good enough for reproducible tests; not for unseeded production noise. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface CryptoLike {
  getRandomValues<T extends Uint32Array>(array: T): T;
}

/** Uniform [0, 1) from the platform's cryptographic generator. */
export function cryptoRandom(): Random {
  const crypto = (globalThis as { crypto?: CryptoLike }).crypto;
  if (!crypto) throw new Error('no crypto.getRandomValues in this environment; give privacy.noise.seed only for testing');
  const buffer = new Uint32Array(256);
  let i = buffer.length;
  return () => {
    if (i >= buffer.length) {
      crypto.getRandomValues(buffer);
      i = 0;
    }
    return buffer[i++]! / 4294967296;
  };
}

/**
 * Two-sided geometric mechanism (Ghosh, Roughgarden and Sundararajan 2009): for a count with
 * sensitivity 1, adding Z with P(Z = z) ∝ exp(−ε|z|) gives ε-differential privacy. Z is the
 * difference of two geometric draws.
 */
export function geometricNoise(epsilon: number, random: Random): number {
  const logAlpha = -epsilon;
  const draw = () => Math.floor(Math.log(1 - random()) / logAlpha);
  return draw() - draw();
}
