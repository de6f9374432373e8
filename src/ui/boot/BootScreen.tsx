/** What a device shows before the kiosk can run: loading, waiting for config, or broken storage. */
import { type StringKey, t } from '../../domain/i18n/strings';

export type BootState = 'loading' | 'waiting-config' | 'storage-failed';

const MESSAGE: Record<BootState, StringKey> = {
  loading: 'boot.loading',
  'waiting-config': 'boot.waitingConfig',
  'storage-failed': 'outOfService.title',
};

/** A status screen in Indonesian with an English second line (no config, so no language yet). */
export function BootScreen(props: { state: BootState }) {
  const key = MESSAGE[props.state];
  const failed = props.state === 'storage-failed';
  return (
    <div class="kiosk" lang="id">
      <main class="screen screen--center">
        <div role={failed ? 'alert' : 'status'}>
          <h1 class="screen-title">{t('id', key)}</h1>
          <p class="lead" lang="en">
            {t('en', key)}
          </p>
        </div>
      </main>
    </div>
  );
}
