/**
 * A small seeded pseudo-random generator (mulberry32) with the draws the demo generator needs.
 * The demo data must be the same on every first start, so the README's walk-through holds and a
 * failing test can be reproduced: hence a fixed seed and never `Math.random`. Each case draws from
 * its own stream (`createRng('<seed>:<n>')`), so a change to one case does not reshuffle all others.
 */

export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks by weight; weights need not add up to 1. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T;
  /** `n` distinct items, in draw order. */
  sample<T>(items: readonly T[], n: number): T[];
  /** A version-4-shaped UUID from this stream (opaque, not personal data). */
  uuid(): string;
}

/** mulberry32: 32-bit state, good enough spread for test data, tiny and fast. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a over the text: turns a readable seed label into mulberry32's 32-bit state. */
export function hashSeed(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** djb2 over the text: a second, independent 32-bit hash of the seed label (see `uuid`). */
function streamSalt(text: string): number {
  let h = 5381;
  for (let i = 0; i < text.length; i++) h = (Math.imul(h, 33) ^ text.charCodeAt(i)) >>> 0;
  return h;
}

export function createRng(seed: number | string): Rng {
  const next = mulberry32(typeof seed === 'number' ? seed : hashSeed(seed));
  // mulberry32's state is a counter: two streams are one sequence at two offsets, and with
  // tens of thousands of cases (the scale loader) some streams overlap and would draw the same
  // UUIDs. The stream's own salt in the first group keeps ids apart; the draws stay the same.
  const salt = typeof seed === 'number' ? 0 : streamSalt(seed);
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new Error('prng: pick from an empty list');
    return items[int(0, items.length - 1)]!;
  };
  const hex = (n: number) => Array.from({ length: n }, () => int(0, 15).toString(16)).join('');
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick,
    weighted: (entries) => {
      const total = entries.reduce((s, [, w]) => s + w, 0);
      let r = next() * total;
      for (const [item, w] of entries) {
        r -= w;
        if (r < 0) return item;
      }
      return entries[entries.length - 1]![0];
    },
    sample: (items, n) => {
      const pool = [...items];
      const out: (typeof pool)[number][] = [];
      while (out.length < n && pool.length > 0) out.push(pool.splice(int(0, pool.length - 1), 1)[0]!);
      return out;
    },
    uuid: () => {
      const first = ((Number.parseInt(hex(8), 16) ^ salt) >>> 0).toString(16).padStart(8, '0');
      return `${first}-${hex(4)}-4${hex(3)}-${pick(['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`;
    },
  };
}
