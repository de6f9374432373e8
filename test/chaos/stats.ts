/** Counts of what a chaos run exercised (faults, crashes, refusals), by name. */

export class Stats {
  readonly counts = new Map<string, number>();

  add(name: string, n = 1): void {
    this.counts.set(name, (this.counts.get(name) ?? 0) + n);
  }

  /** Adds every count of `other` to this one. */
  merge(other: Stats): void {
    for (const [name, n] of other.counts) this.add(name, n);
  }

  /** One line per count, sorted by name. */
  format(): string {
    return [...this.counts.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, n]) => `  ${name.padEnd(32)} ${n}`)
      .join('\n');
  }
}
