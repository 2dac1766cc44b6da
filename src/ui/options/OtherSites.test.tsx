// @vitest-environment happy-dom
/**
 * "Other sites" against a fake admin channel and a fake permission prompt: the permission is asked
 * for the one origin typed, and nothing is registered when the user says no.
 */
import { cleanup, configure, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SitesMessage, SitesResponse } from '../../messaging/protocol';
import { OtherSites, type OtherSitesApi } from './OtherSites';

// On a loaded machine (several suites on two cores) a re-render can take seconds: the waits below
// are on conditions, given room to come true, and each test room for several of them.
configure({ asyncUtilTimeout: 10_000 });
vi.setConfig({ testTimeout: 30_000 });

function fake(grant: boolean, initial: string[] = []) {
  const sent: SitesMessage[] = [];
  const asked: string[] = [];
  let sites = [...initial];
  const api: OtherSitesApi = {
    send: async (msg): Promise<SitesResponse> => {
      sent.push(msg);
      if (msg.type === 'addSite') sites = [...sites, msg.origin].sort();
      if (msg.type === 'removeSite') sites = sites.filter((s) => s !== msg.origin);
      return { ok: true, sites };
    },
    request: async (pattern) => {
      asked.push(pattern);
      return grant;
    },
  };
  return { api, sent, asked };
}

afterEach(cleanup);

function add(value: string) {
  fireEvent.input(screen.getByLabelText('Site address'), { target: { value } });
  fireEvent.click(screen.getByRole('button', { name: 'Add site' }));
}

describe('Other sites', () => {
  it('asks permission for exactly that origin, then adds it', async () => {
    const f = fake(true);
    render(<OtherSites api={f.api} />);
    add('https://Mastodon.Social/@me');
    await screen.findByRole('button', { name: 'Remove https://mastodon.social' });
    expect(f.asked).toEqual(['https://mastodon.social/*']);
    expect(f.sent).toEqual([{ type: 'listSites' }, { type: 'addSite', origin: 'https://mastodon.social' }]);
    expect(screen.getByRole('status').textContent).toContain('Added https://mastodon.social');
  });

  it('adds nothing when the user refuses the permission', async () => {
    const f = fake(false);
    render(<OtherSites api={f.api} />);
    add('toot.wales');
    await screen.findByRole('alert');
    expect(screen.getByRole('alert').textContent).toBe('Permission to read https://toot.wales was not given, so it was not added.');
    expect(f.sent).toEqual([{ type: 'listSites' }]);
  });

  it.each([
    ['http://toot.wales', 'Only secure (https) sites can be added.'],
    ['x.com', 'Second Look already covers that site.'],
    ['', 'Type the address of the site, for example mastodon.social.'],
  ])('refuses %j before asking for any permission', async (value, error) => {
    const f = fake(true);
    render(<OtherSites api={f.api} />);
    add(value);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe(error));
    expect(f.asked).toEqual([]);
  });

  it('lists added sites and removes one', async () => {
    const f = fake(true, ['https://a.example', 'https://b.example']);
    render(<OtherSites api={f.api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Remove https://a.example' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Remove https://a.example' })).toBeNull());
    expect(f.sent.at(-1)).toEqual({ type: 'removeSite', origin: 'https://a.example' });
    expect(screen.getAllByRole('listitem').map((li) => li.firstChild?.textContent)).toEqual(['https://b.example']);
  });
});
