/**
 * The parts of a service's standar pelayanan that may be "Belum dicatat" (the kiosk then
 * says "ask at the counter"): procedure, completion time, cost and product.
 */
import type { Cost, LocalText } from '../../domain/config/schema';
import { UNRECORDED } from '../../domain/config/schema';
import { removeAt, replaceAt, type ServiceDraft } from './agency-draft';
import { ListButton, NumberField, TextField, TextPair, Unrecordable } from './editor-fields';
import { type AdminLanguage, type AdminTextKey, at } from './text';

type Parts = Pick<ServiceDraft, 'procedure' | 'duration' | 'cost' | 'product'>;
type Props = {
  lang: AdminLanguage;
  value: ServiceDraft;
  onChange: (patch: Partial<Parts>) => void;
};

const blank = (): LocalText => ({ id: '' });

/** A cost of `kind`, keeping what the one before said where it fits. */
function costOf(kind: Cost['kind'], before: Cost | undefined): Cost {
  const legalBasis = before && 'legalBasis' in before ? (before.legalBasis ?? '') : '';
  if (kind === 'free') return legalBasis ? { kind, legalBasis } : { kind };
  if (kind === 'fixed') {
    const items = before?.kind === 'fixed' ? before.items : [{ label: blank(), amount: 0 }];
    return { kind, items, legalBasis };
  }
  return { kind, note: before?.kind === 'variable' ? before.note : blank(), legalBasis };
}

function CostFields({
  lang,
  cost,
  onChange,
}: {
  lang: AdminLanguage;
  cost: Cost;
  onChange: (c: Cost) => void;
}) {
  return (
    <>
      <label>
        {at(lang, 'ed.costKind')}
        <select
          value={cost.kind}
          onChange={(e) => onChange(costOf(e.currentTarget.value as Cost['kind'], cost))}
        >
          {(['free', 'fixed', 'variable'] as const).map((kind) => (
            <option key={kind} value={kind}>
              {at(lang, `ed.cost.${kind}` as AdminTextKey)}
            </option>
          ))}
        </select>
      </label>
      {cost.kind === 'fixed' &&
        cost.items.map((item, i) => {
          const n = i + 1;
          const set = (patch: Partial<typeof item>) =>
            onChange({ ...cost, items: replaceAt(cost.items, i, { ...item, ...patch }) });
          return (
            <fieldset key={i} class="admin-item">
              <legend>{at(lang, 'ed.item', { n })}</legend>
              <TextPair
                lang={lang}
                label={at(lang, 'ed.itemLabel')}
                value={item.label}
                onChange={(label) => set({ label })}
              />
              <div class="admin-row">
                <NumberField
                  label={at(lang, 'ed.amount')}
                  value={item.amount}
                  min={0}
                  onChange={(amount) => set({ amount: amount as number })}
                />
                <ListButton
                  kind="remove"
                  label={at(lang, 'ed.removeItem', { n })}
                  onClick={() => onChange({ ...cost, items: removeAt(cost.items, i) })}
                />
              </div>
            </fieldset>
          );
        })}
      {cost.kind === 'fixed' && (
        <ListButton
          kind="add"
          label={at(lang, 'ed.addItem')}
          onClick={() =>
            onChange({ ...cost, items: [...cost.items, { label: blank(), amount: 0 }] })
          }
        />
      )}
      {cost.kind === 'variable' && (
        <TextPair
          lang={lang}
          label={at(lang, 'ed.costNote')}
          value={cost.note}
          onChange={(note) => onChange({ ...cost, note })}
        />
      )}
      <TextField
        label={at(lang, 'ed.legalBasis')}
        value={cost.legalBasis}
        onChange={(legalBasis) => {
          if (cost.kind !== 'free') onChange({ ...cost, legalBasis });
          else if (legalBasis === '') onChange({ ...cost, legalBasis: undefined });
          else onChange({ ...cost, legalBasis });
        }}
      />
    </>
  );
}

export function ServiceParts({ lang, value, onChange }: Props) {
  const steps = value.procedure === UNRECORDED ? [] : value.procedure;
  return (
    <>
      <Unrecordable
        lang={lang}
        legend={at(lang, 'ed.procedure')}
        unrecorded={value.procedure === UNRECORDED}
        onUnrecorded={(on) => onChange({ procedure: on ? UNRECORDED : [blank()] })}
      >
        {steps.map((step, i) => (
          <div key={i} class="admin-row admin-item">
            <TextPair
              lang={lang}
              label={at(lang, 'ed.step', { n: i + 1 })}
              value={step}
              onChange={(next) => onChange({ procedure: replaceAt(steps, i, next) })}
            />
            <ListButton
              kind="remove"
              label={at(lang, 'ed.removeStep', { n: i + 1 })}
              onClick={() => onChange({ procedure: removeAt(steps, i) })}
            />
          </div>
        ))}
        <ListButton
          kind="add"
          label={at(lang, 'ed.addStep')}
          onClick={() => onChange({ procedure: [...steps, blank()] })}
        />
      </Unrecordable>
      <Unrecordable
        lang={lang}
        legend={at(lang, 'ed.duration')}
        unrecorded={value.duration === UNRECORDED}
        onUnrecorded={(on) => onChange({ duration: on ? UNRECORDED : blank() })}
      >
        {value.duration !== UNRECORDED && (
          <TextPair
            lang={lang}
            label={at(lang, 'ed.duration')}
            value={value.duration}
            onChange={(duration) => onChange({ duration })}
          />
        )}
      </Unrecordable>
      <Unrecordable
        lang={lang}
        legend={at(lang, 'ed.cost')}
        unrecorded={value.cost === UNRECORDED}
        onUnrecorded={(on) => onChange({ cost: on ? UNRECORDED : { kind: 'free' } })}
      >
        {value.cost !== UNRECORDED && (
          <CostFields lang={lang} cost={value.cost} onChange={(cost) => onChange({ cost })} />
        )}
      </Unrecordable>
      <Unrecordable
        lang={lang}
        legend={at(lang, 'ed.product')}
        unrecorded={value.product === UNRECORDED}
        onUnrecorded={(on) => onChange({ product: on ? UNRECORDED : blank() })}
      >
        {value.product !== UNRECORDED && (
          <TextPair
            lang={lang}
            label={at(lang, 'ed.product')}
            value={value.product}
            onChange={(product) => onChange({ product })}
          />
        )}
      </Unrecordable>
    </>
  );
}
