/**
 * Recording how a ticket ended beyond "served" — what an MPP bergerak team records in the
 * field, and any loket may: the file received to be processed at the office (from which
 * day, and where, the citizen collects the result), or requirements missing (which ones,
 * from the service's list). Loaded when first opened: most lokets rarely need it.
 */
import { useState } from 'preact/hooks';
import type { CollectPlace } from '../../domain/events';
import { addDays } from '../../domain/lease-days';
import { Modal } from './dialogs';
import type { CounterLanguage } from './text';
import type { FinishDetail, TicketCard } from './view';

/** How long a received file usually takes: the date the dialog offers first. */
const DEFAULT_READY_DAYS = 7;

const TEXT = {
  id: {
    title: 'Catat hasil layanan',
    received: 'Berkas diterima untuk diproses di kantor',
    readyDate: 'Hasil dapat diambil mulai tanggal',
    readyPlace: 'Diambil di',
    mpp: 'MPP',
    kelurahan: 'Kantor kelurahan',
    incomplete: 'Persyaratan kurang',
    missingWhich: 'Yang belum dibawa',
    chooseOne: 'Pilih dokumen yang belum dibawa.',
    badDate: 'Tanggal tidak boleh sebelum hari ini.',
    cancel: 'Batal',
    save: 'Simpan hasil',
  },
  en: {
    title: 'Record the outcome',
    received: 'File received for processing at the office',
    readyDate: 'Result can be collected from',
    readyPlace: 'Collected at',
    mpp: 'The MPP',
    kelurahan: 'The kelurahan office',
    incomplete: 'Requirements missing',
    missingWhich: 'Not brought',
    chooseOne: 'Choose what was not brought.',
    badDate: 'The date cannot be before today.',
    cancel: 'Cancel',
    save: 'Save outcome',
  },
} as const;

export function OutcomeDialog(props: {
  lang: CounterLanguage;
  card: TicketCard;
  today: string;
  onCancel: () => void;
  onSave: (detail: FinishDetail) => void;
}) {
  const { lang, card, today } = props;
  const text = TEXT[lang];
  const [outcome, setOutcome] = useState<FinishDetail['outcome']>('received');
  const [date, setDate] = useState(addDays(today, DEFAULT_READY_DAYS));
  const [place, setPlace] = useState<CollectPlace>('mpp');
  const [missing, setMissing] = useState<readonly string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const toggle = (id: string) =>
    setMissing((now) => (now.includes(id) ? now.filter((m) => m !== id) : [...now, id]));
  const save = () => {
    if (outcome === 'received') {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || date < today) return setError(text.badDate);
      return props.onSave({ outcome, ready: { date, place } });
    }
    if (missing.length === 0 && card.requirements.length > 0) return setError(text.chooseOne);
    props.onSave({ outcome, missing: [...missing] });
  };
  return (
    <Modal title={`${text.title} — ${card.number}`} onCancel={props.onCancel} lang={lang}>
      <form
        class="counter-form"
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <fieldset>
          <legend class="visually-hidden">{text.title}</legend>
          {(['received', 'incomplete'] as const).map((o) => (
            <label key={o} class="counter-check">
              <input
                type="radio"
                name="outcome"
                checked={outcome === o}
                onChange={() => {
                  setOutcome(o);
                  setError(null);
                }}
              />
              <span>{text[o]}</span>
            </label>
          ))}
        </fieldset>
        {outcome === 'received' ? (
          <>
            <label>
              {text.readyDate}
              <input
                type="date"
                value={date}
                min={today}
                onInput={(e) => setDate(e.currentTarget.value)}
              />
            </label>
            <fieldset>
              <legend>{text.readyPlace}</legend>
              {(['mpp', 'kelurahan'] as const).map((p) => (
                <label key={p} class="counter-check">
                  <input
                    type="radio"
                    name="place"
                    checked={place === p}
                    onChange={() => setPlace(p)}
                  />
                  <span>{text[p]}</span>
                </label>
              ))}
            </fieldset>
          </>
        ) : (
          <fieldset>
            <legend>{text.missingWhich}</legend>
            {card.requirements.map((r) => (
              <label key={r.id} class="counter-check">
                <input
                  type="checkbox"
                  checked={missing.includes(r.id)}
                  onChange={() => toggle(r.id)}
                />
                <span>{r.name}</span>
              </label>
            ))}
          </fieldset>
        )}
        {error && (
          <p class="counter-notice counter-notice--warn" role="alert">
            {error}
          </p>
        )}
        <div class="screen-actions">
          <button type="button" class="btn btn--secondary" onClick={props.onCancel}>
            {text.cancel}
          </button>
          <button type="submit" class="btn btn--primary">
            {text.save}
          </button>
        </div>
      </form>
    </Modal>
  );
}
