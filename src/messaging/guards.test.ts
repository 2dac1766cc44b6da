import { describe, expect, it } from 'vitest';
import { originMatches, senderChannel, type SenderLike, type TrustConfig } from './guards';

const trust: TrustConfig = {
  extensionId: 'abcdefghijklmnopabcdefghijklmnop',
  extensionOrigin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop',
  siteOrigins: ['https://www.facebook.com', 'https://x.com', 'https://*.wikipedia.org'],
};
const id = trust.extensionId;
const opts = `${trust.extensionOrigin}/options.html`;

const cases: Array<[string, SenderLike, 'site' | 'admin' | null]> = [
  ['content script, top frame, facebook', { id, url: 'https://www.facebook.com/', origin: 'https://www.facebook.com', frameId: 0, tab: { id: 4 } }, 'site'],
  ['content script on x (Firefox: url only)', { id, url: 'https://x.com/home', frameId: 0, tab: { id: 4 } }, 'site'],
  ['options page (in a tab)', { id, url: opts, origin: trust.extensionOrigin, frameId: 0, tab: { id: 9 } }, 'admin'],
  ['options page (embedded, no tab)', { id, url: opts, origin: trust.extensionOrigin }, 'admin'],
  ['other extension page', { id, url: `${trust.extensionOrigin}/popup.html`, origin: trust.extensionOrigin }, null],
  ['wrong extension id', { id: 'zzz', url: 'https://x.com/', origin: 'https://x.com', frameId: 0, tab: { id: 1 } }, null],
  ['missing id', { url: 'https://x.com/', origin: 'https://x.com', frameId: 0, tab: { id: 1 } }, null],
  ['look-alike origin', { id, url: 'https://x.com.evil.example/', origin: 'https://x.com.evil.example', frameId: 0, tab: { id: 1 } }, null],
  ['look-alike extension origin', { id, url: `${trust.extensionOrigin}.evil.com/options.html`, origin: `${trust.extensionOrigin}.evil.com`, tab: { id: 1 }, frameId: 0 }, null],
  ['sub-frame on a site', { id, url: 'https://www.facebook.com/plugins/x', origin: 'https://www.facebook.com', frameId: 5, tab: { id: 1 } }, null],
  ['site frame without a tab', { id, url: 'https://www.facebook.com/', origin: 'https://www.facebook.com', frameId: 0 }, null],
  ['null origin', { id, url: 'about:blank', origin: 'null', frameId: 0, tab: { id: 1 } }, null],
  ['data: url', { id, url: 'data:text/html,hi', frameId: 0, tab: { id: 1 } }, null],
  ['file: url', { id, url: 'file:///tmp/x.html', frameId: 0, tab: { id: 1 } }, null],
  ['unsupported site', { id, url: 'https://example.com/', origin: 'https://example.com', frameId: 0, tab: { id: 1 } }, null],
  ['http (not https) facebook', { id, url: 'http://www.facebook.com/', origin: 'http://www.facebook.com', frameId: 0, tab: { id: 1 } }, null],
  ['wikipedia language subdomain', { id, url: 'https://cy.wikipedia.org/w/index.php', origin: 'https://cy.wikipedia.org', frameId: 0, tab: { id: 1 } }, 'site'],
  ['wikipedia look-alike suffix', { id, url: 'https://en.wikipedia.org.evil.example/', origin: 'https://en.wikipedia.org.evil.example', frameId: 0, tab: { id: 1 } }, null],
  ['wikipedia over http', { id, url: 'http://en.wikipedia.org/', origin: 'http://en.wikipedia.org', frameId: 0, tab: { id: 1 } }, null],
  ['garbage url', { id, url: 'not a url', frameId: 0, tab: { id: 1 } }, null],
  ['origin says extension, url says site page path', { id, url: `${trust.extensionOrigin}/options.html/../evil.html`, origin: trust.extensionOrigin }, null],
];

describe('senderChannel', () => {
  it.each(cases)('%s', (_name, sender, expected) => {
    expect(senderChannel(sender, trust)).toBe(expected);
  });
});

describe('originMatches', () => {
  it.each([
    ['https://x.com', 'https://x.com', true],
    ['https://x.com', 'https://www.x.com', false],
    ['https://*.wikipedia.org', 'https://en.wikipedia.org', true],
    ['https://*.wikipedia.org', 'https://cy.m.wikipedia.org', true],
    ['https://*.wikipedia.org', 'https://wikipedia.org', false],
    ['https://*.wikipedia.org', 'https://evilwikipedia.org', false],
    ['https://*.wikipedia.org', 'https://en.wikipedia.org.evil.example', false],
    ['https://*.wikipedia.org', 'https://en.wikipedia.org:8443', false],
    ['https://*.wikipedia.org', 'https://user@en.wikipedia.org', false],
    ['https://*.wikipedia.org', 'https://-bad.wikipedia.org', false],
    ['https://*.wikipedia.org', 'https://a..wikipedia.org', false],
    ['https://*.wikipedia.org', 'http://en.wikipedia.org', false],
    ['https://*.wikipedia.org', 'https://*.wikipedia.org', true],
  ])('%s covers %s: %s', (allowed, origin, expected) => {
    expect(originMatches(allowed, origin)).toBe(expected);
  });
});
