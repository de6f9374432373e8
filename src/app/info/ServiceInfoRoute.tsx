/** /s/<serviceId>?kurang=a,b — a service's standard on the citizen's phone, missing items marked. */
import { useEffect, useState } from 'preact/hooks';
import type { ConfigBundle, Language } from '../../domain/config/schema';
import { BootScreen } from '../../ui/boot/BootScreen';
import { ensureStrings } from '../../ui/i18n';
import { ServiceInfo } from '../../ui/info/ServiceInfo';
import { fetchConfig } from '../config-sync';
import type { Route } from '../routes';

/** The read-only service page opened from the missing-list QR code. */
export function ServiceInfoRoute(props: Route) {
  const serviceId = props.surface === 'service-info' ? props.serviceId : '';
  const missing = props.surface === 'service-info' ? props.missing : [];
  const lang: Language = navigator.language.startsWith('id') ? 'id' : 'en';
  const [config, setConfig] = useState<ConfigBundle | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    void Promise.all([fetchConfig(), ensureStrings(lang)]).then(([result]) =>
      result.ok ? setConfig(result.bundle) : setFailed(true),
    );
  }, [lang]);
  if (!config) return <BootScreen state={failed ? 'waiting-config' : 'loading'} />;
  return <ServiceInfo config={config} serviceId={serviceId} missing={missing} lang={lang} />;
}
