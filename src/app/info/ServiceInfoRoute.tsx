/**
 * /s/<serviceId>?kurang=a,b[&l=en] — a service's standard on the citizen's phone, missing
 * items marked, in the language the kiosk spoke when it made the link (never the phone's).
 */
import { useEffect, useState } from 'preact/hooks';
import type { ConfigBundle, Language } from '../../domain/config/schema';
import { hasStrings } from '../../domain/i18n/strings';
import { BootScreen } from '../../ui/boot/BootScreen';
import { PhoneLoading } from '../../ui/boot/PhoneLoading';
import { ensureStrings } from '../../ui/i18n';
import { ServiceInfo } from '../../ui/info/ServiceInfo';
import { fetchConfig } from '../config-sync';
import type { Route } from '../routes';

/** The read-only service page opened from the missing-list QR code. */
export function ServiceInfoRoute(props: Route) {
  const serviceId = props.surface === 'service-info' ? props.serviceId : '';
  const missing = props.surface === 'service-info' ? props.missing : [];
  const [lang, setLang] = useState<Language>(() =>
    new URLSearchParams(window.location.search).get('l') === 'en' ? 'en' : 'id',
  );
  const [config, setConfig] = useState<ConfigBundle | null>(null);
  const [failed, setFailed] = useState(false);
  const [, stringsLoaded] = useState(0);
  useEffect(() => {
    void fetchConfig().then((result) => (result.ok ? setConfig(result.bundle) : setFailed(true)));
  }, []);
  const worded = hasStrings(lang);
  useEffect(() => {
    if (!worded) void ensureStrings(lang).then(() => stringsLoaded((n) => n + 1));
    document.documentElement.lang = lang;
  }, [lang, worded]);
  if (failed) return <BootScreen state="waiting-config" />;
  if (!config || !worded) return <PhoneLoading lang={lang} />;
  const switchTo = (next: Language) => void ensureStrings(next).then(() => setLang(next));
  return (
    <ServiceInfo
      config={config}
      serviceId={serviceId}
      missing={missing}
      lang={lang}
      onLanguage={switchTo}
    />
  );
}
