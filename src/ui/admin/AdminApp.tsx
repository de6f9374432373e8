/**
 * The admin screens (/admin) for staff who run the site: a bar with who is signed in, the
 * language and sign-out; a menu of sections; the section. Renders what it is given; every
 * call goes through `actions` (src/app/admin/api.ts).
 */
import '../styles/kiosk.css';
import './admin.css';
import type { ConfigBundle } from '../../domain/config/schema';
import type { AdminSession } from '../../domain/staff';
import { businessDayOf } from '../../domain/time';
import { Audit, type AuditActions } from './Audit';
import { type BookingActions, Bookings } from './Bookings';
import { Catalogue } from './Catalogue';
import type { CatalogueEditorActions } from './CatalogueEditor';
import type { CatalogueImportActions } from './CatalogueImport';
import { type DeviceActions, Devices } from './Devices';
import { Flagged, type FlaggedActions } from './Flagged';
import { type ReportActions, Reports } from './Reports';
import { Skm, type SkmActions } from './Skm';
import { Staff, type StaffActions } from './Staff';
import { type TokenActions, Tokens } from './Tokens';
import { type AdminLanguage, at } from './text';
import { type VersionActions, Versions } from './Versions';
import { type VisitActions, Visits } from './Visits';

export const SECTIONS = [
  'devices',
  'staff',
  'visits',
  'reports',
  'skm',
  'flagged',
  'catalogue',
  'bookings',
  'versions',
  'tokens',
  'audit',
] as const;
export type Section = (typeof SECTIONS)[number];

export type AdminActions = DeviceActions &
  StaffActions &
  FlaggedActions &
  VisitActions &
  SkmActions &
  ReportActions &
  VersionActions &
  CatalogueImportActions &
  BookingActions &
  CatalogueEditorActions &
  TokenActions &
  AuditActions & {
    signOut(): void;
    setLanguage(lang: AdminLanguage): void;
    show(section: Section): void;
  };

export function AdminApp(props: {
  lang: AdminLanguage;
  session: AdminSession;
  config: ConfigBundle;
  section: Section;
  actions: AdminActions;
  origin: string;
}) {
  const { lang, session, config, section, actions } = props;
  const canWrite = session.role === 'admin';
  return (
    <div class="kiosk admin" lang={lang}>
      <AdminBar lang={lang} actions={actions}>
        <span class="admin-who">
          {at(lang, 'signedInAs', { name: session.name, role: at(lang, `role.${session.role}`) })}
        </span>
        <button type="button" class="btn btn--secondary" onClick={actions.signOut}>
          {at(lang, 'signOut')}
        </button>
      </AdminBar>
      <nav class="admin-nav" aria-label={at(lang, 'nav')}>
        {SECTIONS.map((s) => (
          <a
            key={s}
            href={`#${s}`}
            class={`admin-tab${s === section ? ' admin-tab--on' : ''}`}
            aria-current={s === section ? 'page' : undefined}
            onClick={(e) => {
              e.preventDefault();
              actions.show(s);
            }}
          >
            {at(lang, `tab.${s}`)}
          </a>
        ))}
      </nav>
      <main class="admin-main">
        {!canWrite && <p class="admin-note">{at(lang, 'readOnly')}</p>}
        {section === 'devices' && (
          <Devices
            lang={lang}
            config={config}
            actions={actions}
            canWrite={canWrite}
            origin={props.origin}
          />
        )}
        {section === 'staff' && (
          <Staff lang={lang} config={config} actions={actions} canWrite={canWrite} />
        )}
        {section === 'visits' && (
          <Visits
            lang={lang}
            config={config}
            actions={actions}
            canWrite={canWrite}
            today={businessDayOf(Date.now(), config.site.timeZone)}
          />
        )}
        {section === 'reports' && (
          <Reports
            lang={lang}
            config={config}
            actions={actions}
            today={businessDayOf(Date.now(), config.site.timeZone)}
          />
        )}
        {section === 'skm' && (
          <Skm
            lang={lang}
            config={config}
            actions={actions}
            today={businessDayOf(Date.now(), config.site.timeZone)}
          />
        )}
        {section === 'flagged' && <Flagged lang={lang} config={config} actions={actions} />}
        {section === 'catalogue' && (
          <Catalogue lang={lang} config={config} actions={actions} canWrite={canWrite} />
        )}
        {section === 'bookings' && (
          <Bookings
            lang={lang}
            config={config}
            actions={actions}
            canWrite={canWrite}
            today={businessDayOf(Date.now(), config.site.timeZone)}
          />
        )}
        {section === 'versions' && (
          <Versions lang={lang} config={config} actions={actions} canWrite={canWrite} />
        )}
        {section === 'tokens' && (
          <Tokens
            lang={lang}
            config={config}
            actions={actions}
            canWrite={canWrite}
            ownTokenId={session.tokenId}
          />
        )}
        {section === 'audit' && <Audit lang={lang} config={config} actions={actions} />}
      </main>
    </div>
  );
}

/** The bar: the title, the language switch, and what the caller adds. */
export function AdminBar(props: {
  lang: AdminLanguage;
  actions: { setLanguage(lang: AdminLanguage): void };
  children?: preact.ComponentChildren;
}) {
  const { lang } = props;
  return (
    <header class="admin-bar">
      <span class="admin-brand">{at(lang, 'title')}</span>
      {props.children}
      <button
        type="button"
        class="btn btn--secondary"
        lang={lang === 'id' ? 'en' : 'id'}
        onClick={() => props.actions.setLanguage(lang === 'id' ? 'en' : 'id')}
      >
        {at(lang, 'language')}
      </button>
    </header>
  );
}
