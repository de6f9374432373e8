/**
 * `npm run config:check [-- dir] [--today=YYYY-MM-DD]`: validates a config dir (default
 * $CONFIG_DIR, else ./kiosk-config) and prints a one-line summary, or every issue with file
 * and JSON path. A visit already over by today (the site's day, or `--today`) is an issue
 * too. Warnings (exit code 0 all the same): parts not recorded yet, and citizen texts an
 * English-speaking site has in Indonesian only. Exit code 0 when valid, 1 otherwise.
 */
import { visitInPast } from '../../domain/config/rules-visits';
import type { ConfigBundle } from '../../domain/config/schema';
import { formatIssues } from '../../domain/config/validate';
import { businessDayOf } from '../../domain/time';
import { readConfigDir, resolveConfigDir } from '../config/load-config';

/** One line saying what a valid config holds. */
function describeBundle(bundle: ConfigBundle): string {
  const services = bundle.agencies.reduce((sum, agency) => sum + agency.services.length, 0);
  return (
    `Konfigurasi valid: ${bundle.site.name.id} — ${bundle.agencies.length} instansi, ` +
    `${services} layanan, ${bundle.profiles.length} profil, ${bundle.visits.length} kunjungan ` +
    `(versi ${bundle.version})`
  );
}

/** Visits over by `today`, as issues of their files. */
function pastVisits(bundle: ConfigBundle, today: string) {
  return bundle.visits.flatMap((visit) => {
    const issue = visitInPast({ file: `visits/${visit.id}.json`, value: visit }, today);
    return issue ? [issue] : [];
  });
}

const args = process.argv.slice(2);
const todayArg = args.find((arg) => arg.startsWith('--today='))?.slice('--today='.length);
if (todayArg !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(todayArg)) {
  console.error(`--today harus berformat YYYY-MM-DD, bukan '${todayArg}'`);
  process.exit(2);
}
const dir = resolveConfigDir(args.find((arg) => !arg.startsWith('--')));
const result = await readConfigDir(dir);
const issues = result.ok
  ? pastVisits(result.bundle, todayArg ?? businessDayOf(Date.now(), result.bundle.site.timeZone))
  : result.issues;
if (result.ok && issues.length === 0) {
  console.log(describeBundle(result.bundle));
  const unrecorded = result.warnings ?? [];
  if (unrecorded.length > 0) {
    // Warnings, not errors: the kiosk says "Belum dicatat — tanyakan di loket" meanwhile.
    console.log(
      `Peringatan: ${unrecorded.length} bagian standar pelayanan belum dicatat ` +
        '(anjungan menampilkan “Belum dicatat — tanyakan di loket”):',
    );
    console.log(formatIssues(unrecorded));
  }
  const untranslated = result.untranslated ?? [];
  if (untranslated.length > 0) {
    // Warnings too: valid before they could have English; the English screen shows them as written.
    console.log(
      `Peringatan: ${untranslated.length} teks untuk warga belum punya bentuk bahasa Inggris ` +
        '(layar berbahasa Inggris menampilkannya dalam bahasa Indonesia):',
    );
    console.log(formatIssues(untranslated));
  }
} else {
  console.error(`Konfigurasi tidak valid (${issues.length} masalah):`);
  console.error(formatIssues(issues));
  process.exitCode = 1;
}
