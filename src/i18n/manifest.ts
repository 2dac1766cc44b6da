/** The _locales messages the manifest uses (`__MSG_extName__`...), from the catalogue. */
import { CATALOGUE, type Locale } from './index';

const DIRS: Record<Locale, string> = { 'en-GB': 'en_GB', cy: 'cy' };

export function manifestMessages(): Record<string, Record<string, { message: string }>> {
  const out: Record<string, Record<string, { message: string }>> = {};
  for (const [locale, dir] of Object.entries(DIRS) as [Locale, string][]) {
    const c = CATALOGUE[locale];
    out[dir] = {
      extName: { message: c['ext.name'] },
      extDescription: { message: c['ext.description'] },
      actionTitle: { message: c['action.title'] },
    };
  }
  return out;
}
