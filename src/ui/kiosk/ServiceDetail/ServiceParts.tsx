/**
 * The six parts of a service's standar pelayanan (Persyaratan, Alur Pelayanan, Jangka
 * Waktu, Biaya, Produk Layanan, Pengaduan), shared by the kiosk and the phone page.
 */
import type { Agency, ComplaintChannel, Language, Service } from '../../../domain/config/schema';
import { formatCost } from '../../../domain/format';
import { localized } from '../../../domain/i18n/local-text';
import { t } from '../../../domain/i18n/strings';
import { Part } from './Part';
import { RequirementsPart } from './RequirementsPart';

type PartProps = { service: Service; lang: Language };

/** "Alur Pelayanan" as numbered steps. */
export function ProcedurePart({ service, lang }: PartProps) {
  return (
    <Part title={t(lang, 'detail.procedure')}>
      <ol class="steps">
        {service.procedure.map((step, i) => (
          <li key={i}>{localized(step, lang)}</li>
        ))}
      </ol>
    </Part>
  );
}

/** "Jangka Waktu". */
export function DurationPart({ service, lang }: PartProps) {
  return (
    <Part title={t(lang, 'detail.duration')}>
      <p>{localized(service.duration, lang)}</p>
    </Part>
  );
}

/** "Biaya" with the legal basis and other (non-PNBP) costs. */
export function CostPart({ service, lang }: PartProps) {
  const cost = formatCost(service.cost, lang);
  return (
    <Part title={t(lang, 'detail.cost')}>
      {cost.lines.map((line) => (
        <p key={line} class="cost">
          {line}
        </p>
      ))}
      {cost.legalBasis && (
        <p class="note">{t(lang, 'detail.costLegalBasis', { value: cost.legalBasis })}</p>
      )}
      {cost.otherCosts && (
        <p class="note">{t(lang, 'detail.otherCosts', { value: cost.otherCosts })}</p>
      )}
    </Part>
  );
}

/** "Produk Layanan". */
export function ProductPart({ service, lang }: PartProps) {
  return (
    <Part title={t(lang, 'detail.product')}>
      <p>{localized(service.product, lang)}</p>
    </Part>
  );
}

/** "Pengaduan": the service's channels, else the agency's. */
export function ComplaintsPart(props: PartProps & { agency: Agency }) {
  const { lang } = props;
  const channels: ComplaintChannel[] = props.service.complaints ?? props.agency.complaints;
  return (
    <Part title={t(lang, 'detail.complaints')}>
      <ul class="channels">
        {channels.map((c) => (
          <li key={`${c.kind}:${c.value}`}>
            {t(lang, `complaint.${c.kind}`)}: {(lang === 'en' && c.en) || c.value}
          </li>
        ))}
      </ul>
    </Part>
  );
}

/** All six parts, plus the service's legal basis when configured. */
export function ServiceParts(props: PartProps & { agency: Agency; missing?: ReadonlySet<string> }) {
  const { service, lang } = props;
  return (
    <div class="parts">
      <RequirementsPart service={service} lang={lang} missing={props.missing} />
      <ProcedurePart service={service} lang={lang} />
      <DurationPart service={service} lang={lang} />
      <CostPart service={service} lang={lang} />
      <ProductPart service={service} lang={lang} />
      <ComplaintsPart service={service} lang={lang} agency={props.agency} />
      {service.legalBasis && (
        <details class="part">
          <summary>{t(lang, 'detail.legalBasis')}</summary>
          <p>{service.legalBasis}</p>
        </details>
      )}
    </div>
  );
}
