/**
 * Bookings made elsewhere (README "Bookings"): a file exported by the booking system (CSV
 * or JSON) checked row by row — what was read, what was refused and why, the columns of
 * personal data left unread — then saved when clean; and the bookings of a day.
 */
import { useState } from 'preact/hooks';
import type { BookingRow } from '../../domain/booking-import';
import type { Booking } from '../../domain/bookings';
import type { ConfigBundle } from '../../domain/config/schema';
import { localized } from '../../domain/i18n/local-text';
import { ImportRows, Refusal, SaveChecked, useLoaded } from './shared';
import { type AdminLanguage, at } from './text';

/** What the server read of an export, and whether it saved it. */
export type BookingImportAnswer = {
  rows: BookingRow[];
  unknownColumns: string[];
  personalColumns: string[];
  crowdedDays: { day: string; most: number }[];
  saved: number | null;
};

export type BookingActions = {
  importBookings(format: 'csv' | 'json', text: string, save: boolean): Promise<BookingImportAnswer>;
  bookingsOf(day: string): Promise<Booking[]>;
};

export function Bookings(props: {
  lang: AdminLanguage;
  config: ConfigBundle;
  actions: BookingActions;
  canWrite: boolean;
  today: string;
}) {
  const { lang, config, actions, canWrite } = props;
  const [file, setFile] = useState<{ format: 'csv' | 'json'; text: string } | null>(null);
  const [answer, setAnswer] = useState<BookingImportAnswer | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [day, setDay] = useState(props.today);
  const list = useLoaded(() => actions.bookingsOf(day), [day, answer?.saved]);
  const run = (save: boolean) => {
    if (!file) return;
    setError(null);
    actions.importBookings(file.format, file.text, save).then(setAnswer, setError);
  };
  const serviceName = (id: string) => {
    for (const agency of config.agencies) {
      const service = agency.services.find((s) => s.id === id);
      if (service) return localized(service.name, lang);
    }
    return id;
  };
  const clean =
    answer !== null &&
    answer.crowdedDays.length === 0 &&
    answer.rows.every((r) => r.status !== 'refused');
  return (
    <>
      <section class="admin-panel" aria-labelledby="admin-bookings-import">
        <h2 id="admin-bookings-import">{at(lang, 'bookingsImport')}</h2>
        <p>{at(lang, 'bookingsLead')}</p>
        {canWrite && (
          <div class="admin-form admin-form--inline">
            <label>
              {at(lang, 'bookingsFile')}
              <input
                type="file"
                accept=".csv,.json,text/csv,application/json"
                onChange={(e) => {
                  const picked = e.currentTarget.files?.[0];
                  setAnswer(null);
                  if (!picked) return setFile(null);
                  const format = picked.name.toLowerCase().endsWith('.json') ? 'json' : 'csv';
                  picked.text().then((text) => setFile({ format, text }), setError);
                }}
              />
            </label>
            <button
              type="button"
              class="btn btn--primary"
              disabled={file === null}
              onClick={() => run(false)}
            >
              {at(lang, 'check')}
            </button>
          </div>
        )}
        <Refusal error={error} />
        {answer && (
          <>
            {answer.saved !== null && (
              <p class="admin-note" role="status">
                {at(lang, 'bookingsSaved', { count: answer.saved })}
              </p>
            )}
            {answer.personalColumns.length > 0 && (
              <p>{at(lang, 'bookingsPersonal', { columns: answer.personalColumns.join(', ') })}</p>
            )}
            {answer.unknownColumns.length > 0 && (
              <p>{at(lang, 'unknownColumns', { columns: answer.unknownColumns.join(', ') })}</p>
            )}
            {answer.crowdedDays.map((c) => (
              <p key={c.day} class="admin-note">
                {at(lang, 'bookingsCrowded', { day: c.day, most: c.most })}
              </p>
            ))}
            <ImportRows
              lang={lang}
              nameColumn="colBookingCode"
              rows={answer.rows.map((r) => ({ ...r, name: r.code }))}
            />
            {answer.saved === null && (
              <SaveChecked
                label={at(lang, 'bookingsSave')}
                clean={clean}
                empty={answer.rows.length === 0}
                fixFirst={at(lang, 'bookingsFixFirst')}
                onSave={() => run(true)}
              />
            )}
          </>
        )}
      </section>
      <section class="admin-panel" aria-labelledby="admin-bookings-day">
        <h2 id="admin-bookings-day">{at(lang, 'bookingsOfDay')}</h2>
        <div class="admin-form admin-form--inline">
          <label>
            {at(lang, 'bookingsDay')}
            <input type="date" value={day} onChange={(e) => setDay(e.currentTarget.value)} />
          </label>
        </div>
        <Refusal error={list.error} />
        {list.value && list.value.length === 0 && <p>{at(lang, 'bookingsNone')}</p>}
        {list.value && list.value.length > 0 && (
          <table class="admin-table">
            <caption>{at(lang, 'bookingsOfDay')}</caption>
            <thead>
              <tr>
                <th scope="col">{at(lang, 'colBookingCode')}</th>
                <th scope="col">{at(lang, 'colServiceName')}</th>
                <th scope="col">{at(lang, 'colWindow')}</th>
              </tr>
            </thead>
            <tbody>
              {list.value.map((b) => (
                <tr key={b.code}>
                  <th scope="row">{b.code}</th>
                  <td>{serviceName(b.serviceId)}</td>
                  <td>{b.from ? `${b.from}–${b.to ?? ''}` : at(lang, 'bookingsAnyTime')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
