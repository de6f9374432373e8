/**
 * The figures of fuzz runs: requests by kind and status, restarts, honest probes and
 * checks run, and what a run did besides (devices, events stored, flagged, quarantined).
 */

/** Counts of one run or of several merged. */
export class Stats {
  /** kind → status → count. */
  readonly requests = new Map<string, Map<number, number>>();
  /** name → count: restarts, probes, checks and other events of a run. */
  readonly counts = new Map<string, number>();
  requestTotal = 0;

  request(kind: string, status: number, n = 1): void {
    const byStatus = this.requests.get(kind) ?? new Map<number, number>();
    byStatus.set(status, (byStatus.get(status) ?? 0) + n);
    this.requests.set(kind, byStatus);
    this.requestTotal += n;
  }

  add(name: string, n = 1): void {
    this.counts.set(name, (this.counts.get(name) ?? 0) + n);
  }

  get(name: string): number {
    return this.counts.get(name) ?? 0;
  }

  /** Adds every count of `other` to this one. */
  merge(other: Stats): void {
    for (const [kind, byStatus] of other.requests) {
      for (const [status, n] of byStatus) this.request(kind, status, n);
    }
    for (const [name, n] of other.counts) this.add(name, n);
  }

  /** The figures as printed at the end of a run; with `seconds`, its duration and rate. */
  format(seconds?: number): string {
    const kinds = [...this.requests.keys()].sort();
    const names = [...kinds, ...this.counts.keys()];
    const width = Math.max(8, ...names.map((k) => k.length));
    const lines = [`requests: ${this.requestTotal.toLocaleString('en')}`];
    for (const kind of kinds) {
      const byStatus = this.requests.get(kind) as Map<number, number>;
      const total = [...byStatus.values()].reduce((a, b) => a + b, 0);
      const statuses = [...byStatus.entries()]
        .sort(([a], [b]) => a - b)
        .map(([status, n]) => `${status}×${n}`)
        .join(' ');
      lines.push(`  ${kind.padEnd(width)} ${String(total).padStart(7)}  ${statuses}`);
    }
    const counts = [...this.counts.entries()].sort(([a], [b]) => a.localeCompare(b));
    lines.push('counts:');
    for (const [name, n] of counts) lines.push(`  ${name.padEnd(width)} ${String(n).padStart(7)}`);
    if (seconds !== undefined) {
      const rate = (this.requestTotal / seconds).toFixed(0);
      lines.push(`duration: ${seconds.toFixed(1)} s, ${rate} requests/s`);
    }
    return lines.join('\n');
  }
}
