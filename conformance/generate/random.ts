// One shared French Faker driven by a small seedable PRNG, reseeded per record so record i of seed S never changes.
//
// Faker's default Mersenne Twister takes ~35 µs to reseed, which alone would cap the generator near 25 000
// records/s; sfc32 seeds in well under a microsecond and is plenty for test data (not for anything secret).
import { Faker, base, fr, type Randomizer } from '@faker-js/faker';

const TWO_32 = 4_294_967_296;

/** 32-bit finaliser of MurmurHash3: spreads seed bits so neighbouring (seed, index) pairs give unrelated streams. */
function fmix32(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** sfc32 (Chris Doty-Humphrey's small fast counting generator) behind Faker's Randomizer interface. */
export class Sfc32Randomizer implements Randomizer {
  private a = 0;
  private b = 0;
  private c = 0;
  private d = 0;

  // An arrow property: Faker calls `next` detached from the object.
  readonly next = (): number => {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / TWO_32;
  };

  readonly seed = (seed: number | number[]): void => {
    const parts = Array.isArray(seed) ? seed : [seed];
    let h = 0x9e3779b9;
    for (const part of parts) {
      // Both 32-bit halves count, so seeds above 2^32 do not collide with small ones.
      h = fmix32(h ^ (part >>> 0));
      h = fmix32((h + Math.floor(part / TWO_32)) >>> 0);
    }
    this.a = fmix32(h ^ 0x1b873593);
    this.b = fmix32(h ^ 0xcc9e2d51);
    this.c = fmix32(h ^ 0xe6546b64);
    this.d = 1;
    for (let i = 0; i < 12; i++) this.next();
  };

  constructor(seed: number | number[] = 0) {
    this.seed(seed);
  }
}

/** The one Faker instance of the generators (French locale with the base fallback). */
const rng = new Sfc32Randomizer();
export const faker = new Faker({ locale: [fr, base], randomizer: rng });

/**
 * Stream identifiers: a record's draws are split in phases so that a cached, shared object generated in the middle
 * (a CFA of the seed's pool) never shifts the draws that follow it.
 */
export const PHASE = { record: 0, suite: 1, facture: 2, convention: 3, certificat: 4, cfa: 5, dossier: 6, contexte: 7 } as const;

/** Reseeds the shared Faker for (seed, index, phase). */
export function reseed(seed: number, index: number, phase: number): void {
  faker.seed([seed, index, phase]);
}

/** Integer in [min, max], both inclusive. */
export function int(min: number, max: number): number {
  return min + Math.floor(rng.next() * (max - min + 1));
}

export function pick<T>(items: readonly T[]): T {
  const item = items[Math.floor(rng.next() * items.length)];
  if (item === undefined) throw new RangeError('pick from an empty list');
  return item;
}

/** True with probability p. */
export function chance(p: number): boolean {
  return rng.next() < p;
}

/** A weighted choice prepared once (cumulative weights), drawn many times. */
export class Weighted<T> {
  private readonly items: T[] = [];
  private readonly cumulative: number[] = [];
  private readonly total: number;

  constructor(entries: readonly (readonly [T, number])[]) {
    let total = 0;
    for (const [item, weight] of entries) {
      total += weight;
      this.items.push(item);
      this.cumulative.push(total);
    }
    if (this.items.length === 0) throw new RangeError('weighted choice over an empty list');
    this.total = total;
  }

  draw(): T {
    const r = rng.next() * this.total;
    const cumulative = this.cumulative;
    let i = 0;
    while (i < cumulative.length - 1 && r >= cumulative[i]!) i++;
    return this.items[i]!;
  }
}

/** One-off weighted pick (prefer a prepared `Weighted` in hot paths). */
export function weighted<T>(entries: readonly (readonly [T, number])[]): T {
  return new Weighted(entries).draw();
}

/** A string of n random digits. */
export function digits(n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String(Math.floor(rng.next() * 10));
  return s;
}
