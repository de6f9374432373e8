/**
 * Rules on MPP bergerak visits that the schema cannot see alone: one team is in one place
 * a day, and a visit is scheduled ahead, not after the fact.
 */
import { lastDay, visitTeam } from '../visit-days';
import { calendarDay } from '../visits';
import type { ConfigSet, Entry } from './config-set';
import { type ConfigIssue, configIssue, jsonPath } from './issues';
import type { Visit } from './schema';

/** Rule 7: visits of one team do not share a day (a team cannot be in two kelurahan). */
export function visitsDoNotOverlap(set: ConfigSet): ConfigIssue[] {
  const byTeam = new Map<string, Entry<Visit>[]>();
  for (const entry of set.visits) {
    const team = visitTeam(entry.value);
    byTeam.set(team, [...(byTeam.get(team) ?? []), entry]);
  }
  const issues: ConfigIssue[] = [];
  for (const [team, entries] of byTeam) {
    const sorted = [...entries].sort(
      (a, b) => a.value.date.localeCompare(b.value.date) || a.value.id.localeCompare(b.value.id),
    );
    sorted.forEach((entry, i) => {
      // A repeated id is rule 1's to report, not a second visit.
      const earlier = sorted
        .slice(0, i)
        .find(
          (other) => other.value.id !== entry.value.id && lastDay(other.value) >= entry.value.date,
        );
      if (!earlier) return;
      issues.push(
        configIssue(
          entry.file,
          jsonPath('date'),
          `bertabrakan dengan kunjungan '${earlier.value.id}' tim '${team}' pada ` +
            `${calendarDay(entry.value.date, 'id')} ${entry.value.date.slice(0, 4)}: satu tim ` +
            'hanya dapat berada di satu tempat dalam sehari',
        ),
      );
    });
  }
  return issues;
}

/**
 * A visit whose last day is before `today` (the site's business day): refused by
 * `npm run config:check` and by the admin API for a visit being written. Not part of
 * validateConfig: a server keeps serving a config whose visits have since passed, and its
 * visit reports still name them.
 */
export function visitInPast(entry: Entry<Visit>, today: string): ConfigIssue | undefined {
  const last = lastDay(entry.value);
  if (last >= today) return undefined;
  return configIssue(
    entry.file,
    jsonPath(entry.value.until === undefined ? 'date' : 'until'),
    `kunjungan sudah lewat (${calendarDay(last, 'id')} ${last.slice(0, 4)}, hari ini ${today}): ` +
      'jadwalkan tanggal yang akan datang atau hapus berkasnya',
  );
}
