/**
 * `npm run config:check [-- dir]`: validates a config dir (default $CONFIG_DIR, else
 * ./kiosk-config) and prints a one-line summary, or every issue with file and JSON path.
 * Exit code 0 when valid, 1 otherwise.
 */
import type { ConfigBundle } from '../../domain/config/schema';
import { formatIssues } from '../../domain/config/validate';
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

const dir = resolveConfigDir(process.argv[2]);
const result = await readConfigDir(dir);
if (result.ok) {
  console.log(describeBundle(result.bundle));
} else {
  console.error(`Konfigurasi tidak valid (${result.issues.length} masalah):`);
  console.error(formatIssues(result.issues));
  process.exitCode = 1;
}
