/**
 * A small seeded random source for the sandboxes: the same seed always gives the same demo company,
 * so tests, screenshots and benchmarks see the same names and ids on every machine.
 */
export class SeededRandom {
  private state: number

  constructor(seed: number) {
    this.state = seed >>> 0 || 0x9e3779b9
  }

  /** A float in [0, 1) (mulberry32). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0
    let t = this.state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)]
    if (item === undefined) throw new Error('Cannot pick from an empty list.')
    return item
  }

  chance(probability: number): boolean {
    return this.next() < probability
  }

  /** A GUID-shaped string (version 4 layout), deterministic for the seed. */
  guid(): string {
    const hex = Array.from({ length: 32 }, () => this.int(0, 15).toString(16))
    hex[12] = '4'
    hex[16] = (8 + this.int(0, 3)).toString(16)
    const s = hex.join('')
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`
  }
}

/** A deterministic GUID for (seed, kind, n): the same object keeps its id across sandboxes and runs. */
export function stableGuid(seed: number, kind: number, n: number): string {
  return new SeededRandom((Math.imul(seed ^ 0x2c1b3c6d, 2654435761) + Math.imul(kind + 1, 97) + Math.imul(n + 1, 40503)) >>> 0).guid()
}
