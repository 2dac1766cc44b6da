/**
 * Writes public/_locales/{en_GB,cy}/messages.json (the manifest's name, description and toolbar
 * title, which browsers and stores read from _locales) from the catalogue in src/i18n.
 * Run: npx tsx scripts/gen-locales.mjs (a unit test fails when the files are stale).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { manifestMessages } from '../src/i18n/manifest.ts';

for (const [dir, messages] of Object.entries(manifestMessages())) {
  mkdirSync(`public/_locales/${dir}`, { recursive: true });
  writeFileSync(`public/_locales/${dir}/messages.json`, JSON.stringify(messages, null, 2) + '\n');
}
