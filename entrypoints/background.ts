/**
 * Background service worker: wiring only. Opens the database, builds the service (which keeps the
 * compiled rule set warm), and routes messages after checking who sent them. Trusted side.
 */
import { Service } from '@/src/background/service';
import { senderChannel, type TrustConfig } from '@/src/messaging/guards';
import defaultPack from '@/rules/default.json';
import { parsePack } from '@/src/pack/parse';
import { SITE_ORIGINS } from '@/src/sites';
import { openDb } from '@/src/storage/db';
import { Repo } from '@/src/storage/repo';

export default defineBackground(() => {
  const parsed = parsePack(defaultPack);
  if (!parsed.ok) throw new Error(`The built-in rule pack is invalid: ${parsed.errors.join('; ')}`);
  const service = new Service(new Repo(openDb(), parsed.pack));
  const trust: TrustConfig = {
    extensionId: browser.runtime.id,
    extensionOrigin: new URL(browser.runtime.getURL('/')).origin,
    siteOrigins: SITE_ORIGINS,
  };

  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    const channel = senderChannel(sender, trust);
    if (channel === 'site') return service.handleSite(message, sender.tab!.id!);
    if (channel === 'admin') return service.handleAdmin(message);
    // Unknown senders get no answer at all.
    return undefined;
  });

  browser.action?.onClicked.addListener(() => void browser.runtime.openOptionsPage());
});
