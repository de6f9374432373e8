/** What the lobby board shows, computed by the composition root (src/app/display/runtime.ts). */
import type { Language } from '../../domain/config/schema';

/** One call on the board. */
export type BoardCall = {
  id: string;
  number: string;
  loket: string;
  agency: string;
  colour: string;
};

export type BoardView = {
  /** The one language the board speaks: its profile's. */
  lang: Language;
  siteName: string;
  /** "08.42 WIB" */
  clock: string;
  /** The newest call, shown largest. */
  highlight: BoardCall | null;
  /** The last call of each loket, newest first (the highlight included). */
  calls: BoardCall[];
  /** The next few waiting per agency, in serving order. */
  upcoming: { agency: string; colour: string; numbers: string[] }[];
  /** Today's and the coming MPP bergerak stops, one line each. */
  visits: string[];
  online: boolean;
  /** Whether sound plays; off until a person enables it (or the kiosk flag allows it). */
  sound: boolean;
  /** The last announcement's text (the live region). */
  spoken: string;
};

export type BoardStore = { subscribe(listener: () => void): () => void; getSnapshot(): BoardView };
export type BoardActions = { enableSound(): void };
