/**
 * The site's staff: each person's role, agencies, whether their PIN is chosen and whether
 * they are locked; add a person (their set-up code shown once), give a new set-up code
 * (which clears the PIN, after saying so), lock and unlock. A supervisor sees the list.
 */
import { useState } from 'preact/hooks';
import type { ConfigBundle } from '../../domain/config/schema';
import { localized } from '../../domain/i18n/local-text';
import {
  STAFF_ROLES,
  type StaffRole,
  type StaffSetupResponse,
  type StaffSummary,
} from '../../domain/staff';
import { Confirm, Pending, Refusal, useLoaded, when } from './shared';
import { type AdminLanguage, at } from './text';

export type StaffActions = {
  staff(): Promise<StaffSummary[]>;
  createStaff(person: {
    name: string;
    role: StaffRole;
    agencies: string[];
  }): Promise<StaffSetupResponse>;
  newSetupCode(staffId: string): Promise<StaffSetupResponse>;
  lockStaff(staffId: string, locked: boolean): Promise<void>;
};

export function Staff(props: {
  lang: AdminLanguage;
  config: ConfigBundle;
  actions: StaffActions;
  canWrite: boolean;
}) {
  const { lang, config, actions, canWrite } = props;
  const list = useLoaded(actions.staff);
  const [setup, setSetup] = useState<StaffSetupResponse | null>(null);
  const [resetting, setResetting] = useState<StaffSummary | null>(null);
  const [error, setError] = useState<unknown>(null);
  const agencyName = (id: string) => {
    const agency = config.agencies.find((a) => a.id === id);
    return agency ? localized(agency.shortName, lang) : id;
  };
  const act = (task: Promise<unknown>, after?: () => void) => {
    setError(null);
    task.then(() => {
      after?.();
      list.reload();
    }, setError);
  };
  return (
    <section class="admin-section" aria-labelledby="admin-staff">
      <h1 id="admin-staff">{at(lang, 'staffTitle')}</h1>
      <p>{at(lang, 'staffLead')}</p>
      {setup && (
        <SetupCode lang={lang} setup={setup} config={config} onClose={() => setSetup(null)} />
      )}
      {canWrite && !setup && (
        <AddPerson
          lang={lang}
          config={config}
          onAdd={(person) =>
            actions.createStaff(person).then((made) => {
              setSetup(made);
              list.reload();
            })
          }
        />
      )}
      <Refusal error={error} />
      {resetting && (
        <Confirm
          id="admin-reset-question"
          question={at(lang, 'resetConfirm', { name: resetting.name })}
          confirm={at(lang, 'confirmReset')}
          cancel={at(lang, 'cancel')}
          onConfirm={() =>
            act(actions.newSetupCode(resetting.staffId).then(setSetup), () => setResetting(null))
          }
          onCancel={() => setResetting(null)}
        />
      )}
      {list.value === null ? (
        <Pending lang={lang} error={list.error} retry={list.reload} />
      ) : list.value.length === 0 ? (
        <p>{at(lang, 'noStaff')}</p>
      ) : (
        <table class="admin-table">
          <thead>
            <tr>
              <th scope="col">{at(lang, 'colName')}</th>
              <th scope="col">{at(lang, 'colRole')}</th>
              <th scope="col">{at(lang, 'colAgencies')}</th>
              <th scope="col">{at(lang, 'colPin')}</th>
              <th scope="col">{at(lang, 'colStatus')}</th>
              {canWrite && <th scope="col">{at(lang, 'colActions')}</th>}
            </tr>
          </thead>
          <tbody>
            {list.value.map((person) => (
              <tr key={person.staffId}>
                <th scope="row">{person.name}</th>
                <td>{at(lang, `role.${person.role}`)}</td>
                <td>{person.agencies.map(agencyName).join(', ')}</td>
                <td>{at(lang, person.pinSet ? 'pinSet' : 'pinNotSet')}</td>
                <td>{at(lang, person.locked ? 'locked' : 'active')}</td>
                {canWrite && (
                  <td>
                    <div class="admin-row-actions">
                      <button
                        type="button"
                        class="btn btn--secondary"
                        aria-label={`${at(lang, 'resetPin')}: ${person.name}`}
                        onClick={() => setResetting(person)}
                      >
                        {at(lang, 'resetPin')}
                      </button>
                      <button
                        type="button"
                        class="btn btn--secondary"
                        aria-label={`${at(lang, person.locked ? 'unlock' : 'lock')}: ${person.name}`}
                        onClick={() => act(actions.lockStaff(person.staffId, !person.locked))}
                      >
                        {at(lang, person.locked ? 'unlock' : 'lock')}
                      </button>
                    </div>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function SetupCode(props: {
  lang: AdminLanguage;
  setup: StaffSetupResponse;
  config: ConfigBundle;
  onClose: () => void;
}) {
  const { lang, setup } = props;
  const name = setup.staff.name;
  return (
    <section class="admin-panel admin-code" aria-labelledby="admin-setup-title">
      <h2 id="admin-setup-title">{at(lang, 'setupTitle', { name })}</h2>
      <p class="admin-code-value">{setup.setupCode}</p>
      <p>
        {at(lang, 'setupLead', {
          name,
          time: when(setup.setupExpiresAt, props.config.site.timeZone, lang),
        })}
      </p>
      <button type="button" class="btn btn--secondary" onClick={props.onClose}>
        {at(lang, 'close')}
      </button>
    </section>
  );
}

function AddPerson(props: {
  lang: AdminLanguage;
  config: ConfigBundle;
  onAdd: (person: { name: string; role: StaffRole; agencies: string[] }) => Promise<void>;
}) {
  const { lang, config } = props;
  const [name, setName] = useState('');
  const [role, setRole] = useState<StaffRole>('petugas');
  const [agencies, setAgencies] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  const toggle = (id: string, on: boolean) =>
    setAgencies((list) => (on ? [...list, id] : list.filter((a) => a !== id)));
  return (
    <form
      class="admin-panel admin-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (agencies.length === 0) {
          setError(at(lang, 'chooseAgency'));
          return;
        }
        setError(null);
        props.onAdd({ name: name.trim(), role, agencies }).then(() => {
          setName('');
          setAgencies([]);
        }, setError);
      }}
    >
      <h2>{at(lang, 'addStaff')}</h2>
      <Refusal error={error} />
      <label>
        {at(lang, 'name')}
        <input
          name="staff-name"
          required
          maxLength={80}
          value={name}
          onInput={(e) => setName(e.currentTarget.value)}
        />
      </label>
      <label>
        {at(lang, 'role')}
        <select
          name="role"
          value={role}
          onChange={(e) => setRole(e.currentTarget.value as StaffRole)}
        >
          {STAFF_ROLES.map((r) => (
            <option key={r} value={r}>
              {at(lang, `role.${r}`)}
            </option>
          ))}
        </select>
      </label>
      <fieldset>
        <legend>{at(lang, 'agencies')}</legend>
        <div class="admin-checks">
          {config.agencies.map((agency) => (
            <label key={agency.id} class="admin-check">
              <input
                type="checkbox"
                checked={agencies.includes(agency.id)}
                onChange={(e) => toggle(agency.id, e.currentTarget.checked)}
              />
              {localized(agency.shortName, lang)}
            </label>
          ))}
        </div>
      </fieldset>
      <button type="submit" class="btn btn--primary">
        {at(lang, 'create')}
      </button>
    </form>
  );
}
