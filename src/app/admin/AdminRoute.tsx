/**
 * /admin: the composition root of the admin screens. Reads the site's config (names of
 * profiles and agencies), restores the tab's session (GET /admin/me) or shows the sign-in,
 * and hands the screens their calls (./api.ts). The section follows the address's hash.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ConfigBundle } from '../../domain/config/schema';
import type { AdminSession } from '../../domain/staff';
import {
  type AdminActions,
  AdminApp,
  AdminBar,
  SECTIONS,
  type Section,
} from '../../ui/admin/AdminApp';
import { AdminSignIn } from '../../ui/admin/AdminSignIn';
import { Pending } from '../../ui/admin/shared';
import type { AdminLanguage } from '../../ui/admin/text';
import { type AdminApi, adminApi, tabTokenStore } from './api';

const sectionOf = (hash: string): Section =>
  (SECTIONS as readonly string[]).includes(hash.slice(1)) ? (hash.slice(1) as Section) : 'devices';

export function AdminRoute(props: { api?: AdminApi; fetchConfig?: () => Promise<ConfigBundle> }) {
  const api = useMemo(() => props.api ?? adminApi(tabTokenStore()), [props.api]);
  const [lang, setLang] = useState<AdminLanguage>('id');
  const [config, setConfig] = useState<ConfigBundle | null>(null);
  const [configError, setConfigError] = useState<unknown>(null);
  // undefined: not known yet (a token is being checked); null: signed out.
  const [session, setSession] = useState<AdminSession | null | undefined>(
    api.hasToken() ? undefined : null,
  );
  const [section, setSection] = useState<Section>(() => sectionOf(location.hash));

  const loadConfig = () => {
    setConfigError(null);
    (props.fetchConfig ?? fetchConfig)().then(setConfig, setConfigError);
  };
  useEffect(loadConfig, []);
  useEffect(() => {
    if (session !== undefined) return;
    api.me().then(setSession, () => {
      api.forget();
      setSession(null);
    });
  }, []);
  useEffect(() => {
    const follow = () => setSection(sectionOf(location.hash));
    addEventListener('hashchange', follow);
    return () => removeEventListener('hashchange', follow);
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  if (config === null || session === undefined) {
    return (
      <div class="kiosk admin" lang={lang}>
        <AdminBar lang={lang} actions={{ setLanguage: setLang }} />
        <main class="admin-main">
          <Pending lang={lang} error={configError} retry={loadConfig} />
        </main>
      </div>
    );
  }
  if (session === null) {
    const agencies = config.agencies.map((a) => a.id);
    return (
      <div class="kiosk admin" lang={lang}>
        <AdminBar lang={lang} actions={{ setLanguage: setLang }} />
        <AdminSignIn
          lang={lang}
          actions={{
            signIn: (name, pin) => api.signIn(name, pin).then(setSession),
            firstPin: (code, pin) => api.firstPin(code, pin).then(setSession),
            startSite: (code, name, pin) =>
              api.startSite(code, name, pin, agencies).then(setSession),
          }}
        />
      </div>
    );
  }
  const actions: AdminActions = {
    ...api,
    signOut: () => void api.signOut().finally(() => setSession(null)),
    setLanguage: setLang,
    refreshConfig: loadConfig,
    show: (next) => {
      history.replaceState(null, '', `#${next}`);
      setSection(next);
    },
  };
  return (
    <AdminApp
      lang={lang}
      session={session}
      config={config}
      section={section}
      actions={actions}
      origin={location.origin}
    />
  );
}

async function fetchConfig(): Promise<ConfigBundle> {
  const response = await fetch('/api/v1/config');
  if (!response.ok)
    throw new Error(
      `Konfigurasi tidak terbaca (the config could not be read): HTTP ${response.status}`,
    );
  return (await response.json()) as ConfigBundle;
}
