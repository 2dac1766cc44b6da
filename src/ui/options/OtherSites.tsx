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
import { t } from '../../i18n';

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
    if (!granted) return setError(t('sites.denied', { origin: norm.origin }));
    const res = await api.send({ type: 'addSite', origin: norm.origin });
    if (!res.ok) return setError(res.error);
    setSites(res.sites);
    setError(null);
    setValue('');
    setDone(t('sites.added', { origin: norm.origin }));
  };

  const remove = async (origin: string) => {
    const res = await api.send({ type: 'removeSite', origin });
    if (!res.ok) return setError(res.error);
    setSites(res.sites);
    setError(null);
    setDone(t('sites.removed', { origin }));
  };

  return (
    <section aria-labelledby="sites-h">
      <h2 id="sites-h">{t('sites.heading')}</h2>
      <p class="hint">{t('sites.hint')}</p>
      <form onSubmit={add}>
        <label for="site-origin">{t('sites.label')}</label>
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
          <button type="submit">{t('sites.add')}</button>
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
        <ul aria-label={t('sites.list')}>
          {sites.map((origin) => (
            <li key={origin}>
              {origin}{' '}
              <button type="button" class="secondary" onClick={() => void remove(origin)}>
                {t('common.remove')} <span class="visually-hidden">{origin}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
