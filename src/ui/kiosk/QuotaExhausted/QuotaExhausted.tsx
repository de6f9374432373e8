/** Issuing found the day's quota used up (another kiosk took the last number). */
import { Screen } from '../../components/Screen/Screen';
import { useText } from '../runtime';

/** "Kuota layanan hari ini telah habis"; Kembali and Beranda are in the header. */
export function QuotaExhausted() {
  const tr = useText();
  return (
    <Screen title={tr('quota.title')} class="screen--center">
      <p class="lead">{tr('quota.hint')}</p>
    </Screen>
  );
}
