/**
 * A QR code of an address for a new device's camera, as an image. The admin screens use
 * lean-qr's own build and SVG export, not the kiosk's QrCode component: sharing that would
 * split it out of the kiosk's first chunk, onto the citizen's path to a ticket.
 */
import { correction, generate } from 'lean-qr';
import { toSvgDataURL } from 'lean-qr/extras/svg';

export function AddressQr(props: { text: string; label: string }) {
  const code = generate(props.text, { minCorrectionLevel: correction.M });
  return (
    <img
      class="admin-qr"
      src={toSvgDataURL(code, { on: '#000', off: '#fff', pad: 2, scale: 1 })}
      alt={props.label}
    />
  );
}
