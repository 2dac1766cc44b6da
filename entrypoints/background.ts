/**
 * Background service worker: wiring only. Opens the database, builds the service (which keeps the
 * compiled rule set warm), and routes messages after checking who sent them. Trusted side.
 */
import { Service } from '@/src/background/service';
import { senderChannel, type TrustConfig } from '@/src/messaging/guards';
import { isActionMessage } from '@/src/messaging/protocol';
import defaultPack from '@/rules/default.json';
import { readManagedPack } from '@/src/pack/managed';
import { parsePack } from '@/src/pack/parse';
import { SITE_ORIGINS } from '@/src/sites';
import { openDb } from '@/src/storage/db';
import { LogoRepo } from '@/src/storage/logos';
import { Repo } from '@/src/storage/repo';
import { applyProtectionReport, badgeFor, isProtectionReport } from '@/src/background/protection';
import { isSitesMessage, UserSites } from '@/src/background/user-sites';
import { isLocaleMessage, LocaleSetting, withLocale } from '@/src/background/locale';
import { ImageRouter, isImageMessage, type OffscreenHost } from '@/src/background/images';
import { backgroundPageHost } from '@/src/background/page-host';

/**
 * The offscreen document that runs the image checks (Chrome), created on demand and closed when
 * idle (src/background/images.ts).
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
  const repo = new Repo(db, parsed.pack);
  const logoRepo = new LogoRepo(db);
  const service = new Service(repo, Date.now, logoRepo);
  // A pack pushed by the school's IT (browser policy) wins over the stored one; re-read on change.
  const loadManaged = async () => service.setManaged(await readManagedPack(browser.storage.managed));
  // Admin writes wait for the first read, so a locked pack cannot be edited in the first moments.
  const managedReady = loadManaged().catch(() => undefined);
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed') void loadManaged();
  });
  const images = new ImageRouter({
    // Firefox has no offscreen documents: there the checks run in the background (event) page.
    host: import.meta.env.FIREFOX
      ? backgroundPageHost({ repo, logos: logoRepo, url: (p) => browser.runtime.getURL(p as '/options.html'), ping: () => browser.runtime.getPlatformInfo() })
      : offscreenHost(),
    imageContext: () => service.imageContext(),
    isOfficialAccount: (account) => service.isOfficialAccount(account),
  });
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
  // The user's language (options page), added to every site-channel answer for the warning.
  const locale = new LocaleSetting(browser.storage.local, globalThis.navigator?.languages ?? []);

  let userSitesReady = false;
  void userSites.ready.then(() => (userSitesReady = true));
  browser.permissions.onRemoved.addListener(() => void userSites.reconcile());

  const route = (message: unknown, sender: Browser.runtime.MessageSender) => {
    const channel = senderChannel(sender, { ...trust, siteOrigins: [...SITE_ORIGINS, ...userSites.current()] });
    if (channel === 'site' && isProtectionReport(message)) {
      return locale.ready.then(() => applyProtectionReport(message, sender.tab!.id!, browser.action, locale.current())).then((ok) => ({ ok }));
    }
    if (channel === 'site' && isActionMessage(message)) return Promise.all([service.handleAction(message, sender.tab!.id!), locale.ready]).then(([res]) => withLocale(res, locale.current()));
    if (channel === 'site' && isImageMessage(message)) return Promise.all([images.handle(message, sender.tab!.id!), locale.ready]).then(([res]) => withLocale(res, locale.current()));
    if (channel === 'site') return Promise.all([service.handleSite(message, sender.tab!.id!), locale.ready]).then(([res]) => withLocale(res, locale.current()));
    if (channel === 'admin' && isLocaleMessage(message)) return locale.handle(message);
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
    const badge = badgeFor('full', locale.current());
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
