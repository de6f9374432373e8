/**
 * What the server flagged or quarantined (README "What the server trusts"), for a person to
 * look into: when, which device, why, whether it still counts; and their review — "Wajar"
 * (nothing wrong) or "Sudah ditangani" (dealt with). Unreviewed ones first shown; all on
 * request. A supervisor reviews too.
 */
import { useState } from 'preact/hooks';
import type { ConfigBundle } from '../../domain/config/schema';
import type { DeviceSummary, FlaggedPage, FlagResolution, FlagReview } from '../../domain/protocol';
import type { StaffSummary } from '../../domain/staff';
import { Pending, Refusal, useLoaded, when } from './shared';
import { type AdminLanguage, type AdminTextKey, at } from './text';

export type FlaggedActions = {
  flagged(after: number, open: boolean): Promise<FlaggedPage>;
  reviewFlagged(eventId: string, resolution: FlagResolution): Promise<FlagReview>;
  devices(): Promise<DeviceSummary[]>;
  staff(): Promise<StaffSummary[]>;
};

type Flag = FlaggedPage['flagged'][number];

const DAY_MS = 86_400_000;

export function Flagged(props: {
  lang: AdminLanguage;
  config: ConfigBundle;
  actions: FlaggedActions;
}) {
  const { lang, actions } = props;
  const [open, setOpen] = useState(true);
  const loaded = useLoaded(
    () => Promise.all([actions.flagged(0, open), actions.devices(), actions.staff()]),
    [open],
  );
  const [reviewed, setReviewed] = useState<Record<string, FlagReview>>({});
  const [error, setError] = useState<unknown>(null);
  const timeZone = props.config.site.timeZone;
  if (loaded.value === null) {
    return <Pending lang={lang} error={loaded.error} retry={loaded.reload} />;
  }
  const [page, devices, staff] = loaded.value;
  const deviceName = new Map(devices.map((d) => [d.deviceId, d.name]));
  const personName = new Map(staff.map((p) => [p.staffId, p.name]));
  const review = (flag: Flag, resolution: FlagResolution) => {
    setError(null);
    actions
      .reviewFlagged(flag.eventId, resolution)
      .then((done) => setReviewed((all) => ({ ...all, [flag.eventId]: done })), setError);
  };
  return (
    <section class="admin-section" aria-labelledby="admin-flagged">
      <h1 id="admin-flagged">{at(lang, 'flaggedTitle')}</h1>
      <p>{at(lang, 'flaggedLead')}</p>
      <label class="admin-check">
        <input
          type="checkbox"
          checked={open}
          onChange={(e) => {
            setOpen(e.currentTarget.checked);
            setReviewed({});
          }}
        />
        {at(lang, 'onlyOpen')}
      </label>
      <Refusal error={error} />
      {page.flagged.length === 0 ? (
        <p>{at(lang, open ? 'noOpenFlags' : 'noFlags')}</p>
      ) : (
        <table class="admin-table">
          <thead>
            <tr>
              <th scope="col">{at(lang, 'colDay')}</th>
              <th scope="col">{at(lang, 'colDevice')}</th>
              <th scope="col">{at(lang, 'colReasons')}</th>
              <th scope="col">{at(lang, 'colCounts')}</th>
              <th scope="col">{at(lang, 'colReview')}</th>
            </tr>
          </thead>
          <tbody>
            {page.flagged.map((flag) => {
              const done = reviewed[flag.eventId] ?? flag.review;
              const device = deviceName.get(flag.deviceId) ?? flag.deviceId.slice(0, 8);
              return (
                <tr key={flag.eventId}>
                  <td>
                    {flag.businessDay}
                    <br />
                    <small>#{flag.siteSeq}</small>
                  </td>
                  <th scope="row">{device}</th>
                  <td>
                    <ul class="admin-reasons">
                      {flag.reasons.map((reason) => (
                        <li key={reason}>
                          {at(lang, `reason.${reason}` as AdminTextKey)}
                          {reason === 'clock_ahead' &&
                            ` (${at(lang, 'aheadBy', { days: (flag.driftMs / DAY_MS).toFixed(1).replace('.', ',') })})`}
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td>{at(lang, flag.quarantined ? 'quarantined' : 'counted')}</td>
                  <td>
                    {done ? (
                      <span>
                        {at(lang, `resolution.${done.resolution}`)} —{' '}
                        {personName.get(done.adminId) ?? 'admin'}, {when(done.at, timeZone, lang)}
                      </span>
                    ) : (
                      <div class="admin-row-actions">
                        <button
                          type="button"
                          class="btn btn--secondary"
                          aria-label={`${at(lang, 'resolution.expected')}: ${device} #${flag.siteSeq}`}
                          onClick={() => review(flag, 'expected')}
                        >
                          {at(lang, 'resolution.expected')}
                        </button>
                        <button
                          type="button"
                          class="btn btn--secondary"
                          aria-label={`${at(lang, 'resolution.handled')}: ${device} #${flag.siteSeq}`}
                          onClick={() => review(flag, 'handled')}
                        >
                          {at(lang, 'resolution.handled')}
                        </button>
                      </div>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
