import { describe, expect, it } from 'vitest';
import { normaliseOrigin, UserSites, type RegisteredScript, type SitesApi } from './user-sites';

const BUILT_IN = ['https://www.facebook.com', 'https://x.com', 'https://*.wikipedia.org'];

describe('normaliseOrigin', () => {
  it.each([
    ['mastodon.social', 'https://mastodon.social'],
    ['  https://mastodon.social/  ', 'https://mastodon.social'],
    ['https://Mastodon.Social/@teacher', 'https://mastodon.social'],
    ['toot.wales', 'https://toot.wales'],
    ['https://forum.example.org/t/1?x=y#z', 'https://forum.example.org'],
  ])('%j → %s', (input, origin) => {
    expect(normaliseOrigin(input, BUILT_IN)).toEqual({ ok: true, origin });
  });

  it.each([
    ['', 'Type the address'],
    ['http://mastodon.social', 'https'],
    ['javascript:alert(1)', 'https'],
    ['chrome-extension://abc', 'https'],
    ['https://user:pw@mastodon.social', 'user name'],
    ['https://mastodon.social:8443', 'port'],
    ['*.social', 'not a site name'],
    ['https://*.example.com', 'not'],
    ['localhost', 'not a site name'],
    ['192.168.0.1', 'number address'],
    ['x.com', 'already covers'],
    ['https://www.facebook.com/groups/1', 'already covers'],
    ['cy.wikipedia.org', 'already covers'],
    ['a'.repeat(301), 'too long'],
  ])('%j is refused (%s)', (input, words) => {
    const r = normaliseOrigin(input, BUILT_IN);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(words);
  });
});

function fakeApi(granted: string[] = [], scripts: RegisteredScript[] = []) {
  const state = { granted: new Set(granted), scripts: [...scripts], registered: [] as unknown[] };
  const api: SitesApi = {
    getRegisteredContentScripts: async () => state.scripts.map((s) => ({ ...s })),
    registerContentScripts: async (list) => {
      state.registered.push(...list);
      state.scripts.push(...list.map((s) => ({ id: s.id, matches: s.matches })));
    },
    unregisterContentScripts: async ({ ids }) => {
      state.scripts = state.scripts.filter((s) => !ids.includes(s.id));
    },
    containsOrigin: async (p) => state.granted.has(p),
    removeOrigin: async (p) => state.granted.delete(p),
  };
  return { api, state };
}

describe('UserSites', () => {
  it('adds a site only once the permission is granted, registering the content script for that origin', async () => {
    const { api, state } = fakeApi();
    const sites = new UserSites(api, BUILT_IN);
    expect(await sites.handle({ type: 'addSite', origin: 'https://mastodon.social' })).toEqual({
      ok: false,
      error: 'Second Look was not allowed to read https://mastodon.social, so it was not added.',
    });
    expect(state.registered).toEqual([]);
    state.granted.add('https://mastodon.social/*');
    expect(await sites.handle({ type: 'addSite', origin: 'https://mastodon.social' })).toEqual({ ok: true, sites: ['https://mastodon.social'] });
    expect(state.registered).toEqual([
      { id: 'user-site:https://mastodon.social', matches: ['https://mastodon.social/*'], js: ['content-scripts/content.js'], runAt: 'document_start', allFrames: false, persistAcrossSessions: true },
    ]);
    expect(sites.current()).toEqual(['https://mastodon.social']);
    // Adding again does not register twice.
    await sites.handle({ type: 'addSite', origin: 'https://mastodon.social' });
    expect(state.registered).toHaveLength(1);
  });

  it('removing unregisters and gives the permission back', async () => {
    const { api, state } = fakeApi(['https://toot.wales/*'], [{ id: 'user-site:https://toot.wales' }]);
    const sites = new UserSites(api, BUILT_IN);
    await sites.ready;
    expect(sites.current()).toEqual(['https://toot.wales']);
    expect(await sites.handle({ type: 'removeSite', origin: 'https://toot.wales' })).toEqual({ ok: true, sites: [] });
    expect(state.scripts).toEqual([]);
    expect([...state.granted]).toEqual([]);
    expect(sites.current()).toEqual([]);
  });

  it('on start, drops registrations whose permission was revoked, and foreign or malformed ids', async () => {
    const { api, state } = fakeApi(['https://a.example/*'], [
      { id: 'user-site:https://a.example' },
      { id: 'user-site:https://revoked.example' },
      { id: 'user-site:https://x.com' },
      { id: 'user-site:http://evil.example' },
      { id: 'someone-else' },
    ]);
    const sites = new UserSites(api, BUILT_IN);
    await sites.ready;
    expect(sites.current()).toEqual(['https://a.example']);
    expect(state.scripts.map((s) => s.id)).toEqual(['user-site:https://a.example', 'someone-else']);
  });

  it.each([
    [{ type: 'addSite', origin: 'https://mastodon.social/' }],
    [{ type: 'addSite', origin: 'mastodon.social' }],
    [{ type: 'addSite', origin: 'https://x.com' }],
    [{ type: 'addSite' }],
    [{ type: 'addSite', origin: 'https://mastodon.social', extra: 1 }],
    [{ type: 'removeSite', origin: 42 }],
    [{ type: 'nope' }],
  ])('refuses %j without touching the browser', async (msg) => {
    const { api, state } = fakeApi(['https://mastodon.social/*', 'https://x.com/*']);
    const sites = new UserSites(api, BUILT_IN);
    const r = await sites.handle(msg);
    expect(r.ok).toBe(false);
    expect(state.registered).toEqual([]);
    expect(state.granted.size).toBe(2);
  });
});
