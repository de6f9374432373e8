/**
 * What a device last said of itself (POST /sync/health) in the admin's Devices section,
 * and where its test print stands: asked and not yet reported, or how the last one went.
 */
import { formatClock } from '../../domain/format';
import type { AdminDeviceSummary } from '../../domain/protocol';
import type { TimeZone } from '../../domain/time';
import { when } from './shared';
import { type AdminLanguage, at } from './text';

const MB = 1_048_576;

/** What the device last said of itself (POST /sync/health), or that it has not yet. */
export function Health(props: {
  lang: AdminLanguage;
  device: AdminDeviceSummary;
  timeZone: TimeZone;
}) {
  const { lang, device, timeZone } = props;
  const health = device.health;
  if (health === null || device.healthAt === null) return <>{at(lang, 'noHealth')}</>;
  const { usage, quota, persisted } = health.storage;
  return (
    <ul class="admin-health">
      <li>{at(lang, 'healthApp', { app: health.app, config: health.config.slice(0, 12) })}</li>
      <li>
        {health.pending === 0
          ? at(lang, 'healthSent')
          : at(lang, 'healthPending', {
              n: health.pending.toLocaleString('id-ID'),
              since:
                health.oldestPendingAt === null
                  ? '—'
                  : when(health.oldestPendingAt, timeZone, lang),
            })}
      </li>
      <li>
        {at(lang, 'healthStorage', {
          used: usage === null ? '—' : Math.ceil(usage / MB).toLocaleString('id-ID'),
          quota: quota === null ? '—' : Math.floor(quota / MB).toLocaleString('id-ID'),
        })}
        {' · '}
        {at(
          lang,
          persisted === true
            ? 'persisted'
            : persisted === false
              ? 'notPersisted'
              : 'persistUnknown',
        )}
      </li>
      {health.lastError !== null && <li>{at(lang, 'healthError', { error: health.lastError })}</li>}
      <li class="admin-health-at">
        {at(lang, 'healthAt', { time: formatClock(device.healthAt, timeZone) })}
      </li>
    </ul>
  );
}

/** The test print: asked (waiting for the device), or the last one's outcome, or never. */
export function TestPrintState(props: {
  lang: AdminLanguage;
  device: AdminDeviceSummary;
  timeZone: TimeZone;
}) {
  const { lang, device, timeZone } = props;
  if (device.testPrintAt !== null) {
    return <>{at(lang, 'testPrintAsked', { time: when(device.testPrintAt, timeZone, lang) })}</>;
  }
  const last = device.health?.testPrint;
  if (!last) return <>{at(lang, 'testPrintNone')}</>;
  const time = when(last.at, timeZone, lang);
  if (last.outcome === 'printed') return <>{at(lang, 'testPrintPrinted', { time })}</>;
  if (last.outcome === 'no_printer') return <>{at(lang, 'testPrintNoPrinter', { time })}</>;
  return <>{at(lang, 'testPrintFailed', { time, reason: last.reason ?? '—' })}</>;
}
