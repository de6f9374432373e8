/** "Memuat…" on a citizen's phone page, in its one language (its English is always at hand). */
import type { Language } from '../../domain/config/schema';
import { t } from '../../domain/i18n/strings';

/** The phone page while its answer or its language's texts load. */
export function PhoneLoading(props: { lang: Language }) {
  return (
    <div class="kiosk kiosk--phone" lang={props.lang}>
      <main class="screen screen--center">
        <p class="lead" role="status">
          {t(props.lang, 'boot.loading')}
        </p>
      </main>
    </div>
  );
}
