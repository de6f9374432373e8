/** The form to add an MPP bergerak visit or change a coming one (./Visits.tsx). */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ConfigBundle, Visit } from '../../domain/config/schema';
import { MAX_VISIT_DAYS } from '../../domain/lease-days';
import { DEFAULT_TEAM } from '../../domain/visit-days';
import { Refusal } from './shared';
import type { AdminLanguage } from './text';
import { mobileServices } from './visit-words';
import { vt } from './visits-text';

export function teamsOf(config: ConfigBundle): string[] {
  return config.profiles.filter((p) => p.surface === 'mobile').map((p) => p.team ?? DEFAULT_TEAM);
}

/** "Tanjung Harapan", "2026-12-10" → "tanjung-harapan-2026-12-10". */
function suggestedId(kelurahan: string, date: string): string {
  return [kelurahan, date]
    .join('-')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

type Fields = {
  id: string | null;
  date: string;
  until: string;
  team: string;
  kelurahan: string;
  kecamatan: string;
  place: string;
  from: string;
  to: string;
};

function fieldsOf(visit: Visit | null): Fields {
  return {
    id: visit?.id ?? null,
    date: visit?.date ?? '',
    until: visit?.until ?? '',
    team: visit?.team ?? '',
    kelurahan: visit?.kelurahan ?? '',
    kecamatan: visit?.kecamatan ?? '',
    place: visit?.place ?? '',
    from: visit?.hours.from ?? '',
    to: visit?.hours.to ?? '',
  };
}

/** The visit the form says: optional fields left empty are left out. */
function visitOf(f: Fields, id: string, services: string[], quotas: Record<string, string>) {
  const optional = (value: string) => value.trim() || undefined;
  const visit: Visit = {
    id,
    date: f.date,
    kelurahan: f.kelurahan.trim(),
    place: f.place.trim(),
    hours: { from: f.from, to: f.to },
    services: services.map((service) => ({ service, quota: Number(quotas[service] ?? '') })),
  };
  const until = optional(f.until);
  const team = optional(f.team);
  const kecamatan = optional(f.kecamatan);
  if (until) visit.until = until;
  if (team) visit.team = team;
  if (kecamatan) visit.kecamatan = kecamatan;
  return visit;
}

/** Adds a visit, or changes `editing` (whose id stays). */
export function VisitForm(props: {
  lang: AdminLanguage;
  config: ConfigBundle;
  editing: Visit | null;
  teams: string[];
  serviceName: (id: string) => string;
  onSave: (visit: Visit) => Promise<void>;
  onCancel: () => void;
}) {
  const { lang, editing, serviceName } = props;
  const [fields, setFields] = useState(() => fieldsOf(editing));
  const [chosen, setChosen] = useState(() => editing?.services.map((s) => s.service) ?? []);
  const [quotas, setQuotas] = useState<Record<string, string>>(() =>
    Object.fromEntries(editing?.services.map((s) => [s.service, String(s.quota)]) ?? []),
  );
  const [error, setError] = useState<unknown>(null);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (editing) first.current?.focus();
  }, [editing]);
  // The services a unit can carry, and any the visit carries that no longer is one.
  const offered = mobileServices(props.config);
  const options = [...offered, ...chosen.filter((s) => !offered.includes(s))];
  const id = editing?.id ?? fields.id ?? suggestedId(fields.kelurahan, fields.date);
  const set = (name: keyof Fields) => (e: { currentTarget: HTMLInputElement }) => {
    const value = e.currentTarget.value;
    setFields((f) => ({ ...f, [name]: value }));
  };
  const toggle = (service: string, on: boolean) =>
    setChosen((list) => (on ? [...list, service] : list.filter((s) => s !== service)));
  const teamList = `admin-visit-teams-${editing?.id ?? 'new'}`;
  return (
    <form
      class="admin-panel admin-form"
      aria-labelledby="admin-visit-form"
      onSubmit={(e) => {
        e.preventDefault();
        const services = options.filter((s) => chosen.includes(s));
        if (services.length === 0) {
          setError(vt(lang, 'chooseService'));
          return;
        }
        setError(null);
        props.onSave(visitOf(fields, id, services, quotas)).catch(setError);
      }}
    >
      <h2 id="admin-visit-form">
        {editing ? vt(lang, 'editTitle', { id: editing.id }) : vt(lang, 'addTitle')}
      </h2>
      <Refusal error={error} />
      {!editing && (
        <>
          <label>
            {vt(lang, 'id')}
            <input
              name="visit-id"
              required
              maxLength={64}
              pattern="[a-z0-9]+(-[a-z0-9]+)*"
              aria-describedby="admin-visit-id-note"
              value={id}
              onInput={set('id')}
            />
          </label>
          <p id="admin-visit-id-note">{vt(lang, 'idNote')}</p>
        </>
      )}
      <label>
        {vt(lang, 'kelurahan')}
        <input
          ref={first}
          name="kelurahan"
          required
          value={fields.kelurahan}
          onInput={set('kelurahan')}
        />
      </label>
      <label>
        {vt(lang, 'kecamatan')}
        <input name="kecamatan" value={fields.kecamatan} onInput={set('kecamatan')} />
      </label>
      <label>
        {vt(lang, 'place')}
        <input name="place" required value={fields.place} onInput={set('place')} />
      </label>
      <label>
        {vt(lang, 'date')}
        <input type="date" name="date" required value={fields.date} onInput={set('date')} />
      </label>
      <label>
        {vt(lang, 'until')}
        <input
          type="date"
          name="until"
          min={fields.date || undefined}
          aria-describedby="admin-visit-until-note"
          value={fields.until}
          onInput={set('until')}
        />
      </label>
      <p id="admin-visit-until-note">{vt(lang, 'untilNote', { max: MAX_VISIT_DAYS })}</p>
      <label>
        {vt(lang, 'from')}
        <input type="time" name="from" required value={fields.from} onInput={set('from')} />
      </label>
      <label>
        {vt(lang, 'to')}
        <input type="time" name="to" required value={fields.to} onInput={set('to')} />
      </label>
      <label>
        {vt(lang, 'team')}
        <input
          name="team"
          list={teamList}
          aria-describedby="admin-visit-team-note"
          value={fields.team}
          onInput={set('team')}
        />
      </label>
      <datalist id={teamList}>
        {[...new Set(props.teams)].sort().map((team) => (
          <option key={team} value={team} />
        ))}
      </datalist>
      <p id="admin-visit-team-note">{vt(lang, 'teamNote')}</p>
      <fieldset>
        <legend>{vt(lang, 'services')}</legend>
        {options.length === 0 ? (
          <p class="admin-note">{vt(lang, 'noServices')}</p>
        ) : (
          <p>{vt(lang, 'servicesNote')}</p>
        )}
        {options.map((service) => {
          const on = chosen.includes(service);
          return (
            <div key={service} class="admin-checks">
              <label class="admin-check">
                <input
                  type="checkbox"
                  checked={on}
                  onChange={(e) => toggle(service, e.currentTarget.checked)}
                />
                {serviceName(service)}
              </label>
              <label>
                {vt(lang, 'quotaFor', { service: serviceName(service) })}
                <input
                  type="number"
                  name={`quota-${service}`}
                  min={1}
                  step={1}
                  inputMode="numeric"
                  required={on}
                  disabled={!on}
                  value={quotas[service] ?? ''}
                  onInput={(e) => {
                    const value = e.currentTarget.value;
                    setQuotas((q) => ({ ...q, [service]: value }));
                  }}
                />
              </label>
            </div>
          );
        })}
      </fieldset>
      <div class="admin-actions">
        <button type="submit" class="btn btn--primary">
          {vt(lang, 'save')}
        </button>
        {editing && (
          <button type="button" class="btn btn--secondary" onClick={props.onCancel}>
            {vt(lang, 'cancelEdit')}
          </button>
        )}
      </div>
    </form>
  );
}
