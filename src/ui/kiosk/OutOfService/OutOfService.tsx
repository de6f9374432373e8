/** Shown when the kiosk cannot write its log: no ticket can be issued, staff must come. */
import { t } from '../../../domain/i18n/strings';

/** "Anjungan tidak dapat menyimpan — hubungi petugas", in both languages. */
export function OutOfService() {
  return (
    <main class="screen screen--center out-of-service">
      <h1 class="screen-title">{t('id', 'outOfService.title')}</h1>
      <p lang="en" class="lead">
        {t('en', 'outOfService.title')}
      </p>
    </main>
  );
}
