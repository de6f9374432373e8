/** /s/<serviceId>?kurang=a,b — a service's standard on the citizen's phone, missing items marked. */

import { useEffect, useState } from 'preact/hooks';
import { useRoute } from 'preact-iso/router';
import type { ConfigBundle, Language } from '../../domain/config/schema';
import { BootScreen } from '../../ui/boot/BootScreen';
import { ServiceInfo } from '../../ui/info/ServiceInfo';
import { fetchConfig } from '../config-sync';

/** The read-only service page opened from the missing-list QR code. */
export function ServiceInfoRoute() {
  const { params, query } = useRoute();
  const [config, setConfig] = useState<ConfigBundle | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    void fetchConfig().then((result) => (result.ok ? setConfig(result.bundle) : setFailed(true)));
  }, []);
  if (!config) return <BootScreen state={failed ? 'waiting-config' : 'loading'} />;
  const missing = (query.kurang ?? '').split(',').filter(Boolean);
  const lang: Language = navigator.language.startsWith('id') ? 'id' : 'en';
  return (
    <ServiceInfo config={config} serviceId={params.serviceId ?? ''} missing={missing} lang={lang} />
  );
}
