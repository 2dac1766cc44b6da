/**
 * "Other sites" on the options page (extension origin, trusted): the user adds a Mastodon instance
 * or any other site. The click asks the browser for permission to read that one origin
 * (`permissions.request` must run from the click, so it is the first thing the handler does); only
 * when the user allows it does the background register the content script there. Removing a site
 * unregisters it and gives the permission back.
 */
import { useEffect, useState } from 'preact/hooks';
import type { SitesMessage, SitesResponse } from '../../messaging/protocol';
import { normaliseOrigin, patternFor } from '../../background/user-sites';
import { SITE_ORIGINS } from '../../sites';

export interface OtherSitesApi {
  send(msg: SitesMessage): Promise<SitesResponse>;
  /** Asks the user for host permission for one pattern; true when granted. */
  request(pattern: string): Promise<boolean>;
}

function browserApi(): OtherSitesApi {
  return {
    send: (msg) => browser.runtime.sendMessage(msg) as Promise<SitesResponse>,
    request: (pattern) => browser.permissions.request({ origins: [pattern] }),
  };
}

export function OtherSites({ api = browserApi() }: { api?: OtherSitesApi }) {
  const [sites, setSites] = useState<string[]>([]);
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState('');

  useEffect(() => {
    api
      .send({ type: 'listSites' })
      .then((res) => res?.ok && setSites(res.sites))
      .catch(() => {});
  }, []);

  const add = async (e: Event) => {
    e.preventDefault();
    setDone('');
    const norm = normaliseOrigin(value, SITE_ORIGINS);
    if (!norm.ok) return setError(norm.error);
    // First await of the click: the browser only shows its permission prompt from a user gesture.
    let granted = false;
    try {
      granted = await api.request(patternFor(norm.origin));
    } catch {
      granted = false;
    }
    if (!granted) return setError(`Permission to read ${norm.origin} was not given, so it was not added.`);
    const res = await api.send({ type: 'addSite', origin: norm.origin });
    if (!res.ok) return setError(res.error);
    setSites(res.sites);
    setError(null);
    setValue('');
    setDone(`Added ${norm.origin}. Reload its tabs for Second Look to start there.`);
  };

  const remove = async (origin: string) => {
    const res = await api.send({ type: 'removeSite', origin });
    if (!res.ok) return setError(res.error);
    setSites(res.sites);
    setError(null);
    setDone(`Removed ${origin}.`);
  };

  return (
    <section aria-labelledby="sites-h">
      <h2 id="sites-h">Other sites</h2>
      <p class="hint">
        Add a Mastodon instance (for example mastodon.social) or any other site where you post. Your browser will ask
        you to allow Second Look to read that site; it reads only what you type there, and nothing leaves this computer.
      </p>
      <form onSubmit={add}>
        <label for="site-origin">Site address</label>
        <input
          id="site-origin"
          type="text"
          inputMode="url"
          autoComplete="off"
          spellcheck={false}
          value={value}
          maxLength={300}
          onInput={(e) => setValue(e.currentTarget.value)}
        />
        <div class="row">
          <button type="submit">Add site</button>
        </div>
      </form>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {done && (
        <p role="status" class="ok">
          {done}
        </p>
      )}
      {sites.length > 0 && (
        <ul aria-label="Sites you added">
          {sites.map((origin) => (
            <li key={origin}>
              {origin}{' '}
              <button type="button" class="secondary" onClick={() => void remove(origin)}>
                Remove <span class="visually-hidden">{origin}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
