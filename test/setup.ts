import 'fake-indexeddb/auto';
import { cleanup } from '@testing-library/preact';
import { afterEach } from 'vitest';
import { registerStrings } from '../src/domain/i18n/strings';
import { STRINGS_EN } from '../src/domain/i18n/strings-en';
import { preloadKioskScreens } from '../src/ui/kiosk/lazy-screens';

// The kiosk loads English on demand; component tests switch languages synchronously.
registerStrings('en', STRINGS_EN);
// Kiosks warm their lazy screens at the first idle moment; tests start warm too.
await preloadKioskScreens();

afterEach(() => cleanup());
