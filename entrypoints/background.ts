/**
 * Background service worker: wiring only. Opens the database, builds the service (which keeps the
 * compiled rule set warm), and routes messages after checking who sent them. Trusted side.
 */
import { Service } from '@/src/background/service';
import { senderChannel, type TrustConfig } from '@/src/messaging/guards';
import defaultPack from '@/rules/default.json';
import { readManagedPack } from '@/src/pack/managed';
import { parsePack } from '@/src/pack/parse';
import { SITE_ORIGINS } from '@/src/sites';
import { openDb } from '@/src/storage/db';
import { LogoRepo } from '@/src/storage/logos';
import { Repo } from '@/src/storage/repo';
import { applyProtectionReport, badgeFor, isProtectionReport } from '@/src/background/protection';
import { isSitesMessage, UserSites } from '@/src/background/user-sites';
import { ImageRouter, isImageMessage, type OffscreenHost } from '@/src/background/images';

/**
 * The offscreen document that runs the image checks (Chrome only). Firefox has no offscreen API:
 * there `supported` is false, image messages are answered 'unsupported', and the content script
 * shows no chip and holds nothing for images (text checks work as before).
 */
function offscreenHost(): OffscreenHost {
  const c = (globalThis as unknown as { chrome?: { offscreen?: any; runtime?: any } }).chrome;
  const api = c?.offscreen;
  const url = browser.runtime.getURL('/offscreen.html');
  let creating: Promise<void> | null = null;
  const isOpen = async (): Promise<boolean> => {
    const contexts = (await c!.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'], documentUrls: [url] })) as unknown[];
    return contexts.length > 0;
  };
  return {
    supported: !!api && typeof c?.runtime?.getContexts === 'function',
    async open() {
      if (creating) return creating;
      if (await isOpen()) return;
      creating = (api.createDocument({
        url,
        reasons: ['WORKERS', 'BLOBS'],
        justification: 'Checks photos and videos the user attaches (text, faces, logos, location) on the device.',
      }) as Promise<void>).finally(() => (creating = null));
      return creating;
    },
    async close() {
      if (await isOpen()) await api.closeDocument();
    },
    send: (message) => browser.runtime.sendMessage(message),
  };
}

export default defineBackground(() => {
  const parsed = parsePack(defaultPack);
  if (!parsed.ok) throw new Error(`The built-in rule pack is invalid: ${parsed.errors.join('; ')}`);
  const db = openDb();
  const service = new Service(new Repo(db, parsed.pack), Date.now, new LogoRepo(db));
  // A pack pushed by the school's IT (browser policy) wins over the stored one; re-read on change.
  const loadManaged = async () => service.setManaged(await readManagedPack(browser.storage.managed));
  // Admin writes wait for the first read, so a locked pack cannot be edited in the first moments.
  const managedReady = loadManaged().catch(() => undefined);
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed') void loadManaged();
  });
  const images = new ImageRouter({ host: offscreenHost(), imageContext: () => service.imageContext() });
  const trust: TrustConfig = {
    extensionId: browser.runtime.id,
    extensionOrigin: new URL(browser.runtime.getURL('/')).origin,
    siteOrigins: SITE_ORIGINS,
  };

  // Sites the user added on the options page: their origins join the site channel's allow-list.
  const userSites = new UserSites(
    {
      getRegisteredContentScripts: () => browser.scripting.getRegisteredContentScripts(),
      registerContentScripts: (scripts) => browser.scripting.registerContentScripts(scripts),
      unregisterContentScripts: (filter) => browser.scripting.unregisterContentScripts(filter),
      containsOrigin: (pattern) => browser.permissions.contains({ origins: [pattern] }),
      removeOrigin: (pattern) => browser.permissions.remove({ origins: [pattern] }),
    },
    SITE_ORIGINS,
  );
  let userSitesReady = false;
  void userSites.ready.then(() => (userSitesReady = true));
  browser.permissions.onRemoved.addListener(() => void userSites.reconcile());

  const route = (message: unknown, sender: Browser.runtime.MessageSender) => {
    const channel = senderChannel(sender, { ...trust, siteOrigins: [...SITE_ORIGINS, ...userSites.current()] });
    if (channel === 'site' && isProtectionReport(message)) {
      return applyProtectionReport(message, sender.tab!.id!, browser.action).then((ok) => ({ ok }));
    }
    if (channel === 'site' && isImageMessage(message)) return images.handle(message, sender.tab!.id!);
    if (channel === 'site') return service.handleSite(message, sender.tab!.id!);
    if (channel === 'admin' && isSitesMessage(message)) return userSites.handle(message);
    if (channel === 'admin') return managedReady.then(() => service.handleAdmin(message));
    // Unknown senders get no answer at all.
    return undefined;
  };

  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    // Just woken: the added sites are not known yet, so a message from one waits for them.
    if (!userSitesReady) return userSites.ready.then(() => route(message, sender));
    return route(message, sender);
  });

  // A page that loads again starts with full protection until its content script says otherwise.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status !== 'loading') return;
    const badge = badgeFor('full');
    void browser.action.setBadgeText({ tabId, text: badge.text }).catch(() => {});
    void browser.action.setTitle({ tabId, title: badge.title }).catch(() => {});
  });

  browser.action?.onClicked.addListener(() => void browser.runtime.openOptionsPage());
  // First install: open the set-up page, so a new user starts by choosing their school's rules.
  browser.runtime.onInstalled.addListener(({ reason }) => {
    // A new tab of its own (tabs.create needs no permission): openOptionsPage would take over an
    // options tab that is already loading.
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/options.html') });
  });
});
