/** Services named for people: a service's name in a language, by its id. */
import { localized } from '../i18n/local-text';
import type { ConfigBundle, Language } from './schema';

/** A service's name in `lang` by id; the id itself for a service the config does not have. */
export function serviceNamer(config: ConfigBundle, lang: Language): (serviceId: string) => string {
  const names = new Map(
    config.agencies.flatMap((a) => a.services.map((s) => [s.id, localized(s.name, lang)] as const)),
  );
  return (id) => names.get(id) ?? id;
}
