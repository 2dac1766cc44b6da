/**
 * School logos on the options page: upload PNG/JPEG/WebP/SVG, rasterised and downscaled here
 * (logo-image.ts), stored by the background as our own PNG (addLogo). Thumbnails are drawn from
 * the stored PNGs (getLogos), never from the uploaded file.
 */
import { useEffect, useState } from 'preact/hooks';
import type { AdminResponse, Status } from '../../messaging/protocol';
import { bytesToBase64 } from '../../storage/logos';
import type { Rasterised } from './logo-image';
import type { Run } from './RulesSection';
import { t } from '../../i18n';

type Logo = Extract<AdminResponse, { ok: true }>['logos'] extends (infer T)[] | undefined ? T : never;

export function LogosSection({ status, run, rasterise }: { status: Status; run: Run; rasterise: (f: File) => Promise<Rasterised> }) {
  const [logos, setLogos] = useState<Logo[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [msg, setMsg] = useState('');
  const [busy, setBusy] = useState(false);
  const ids = (status.logos ?? []).map((l) => l.id).join(',');

  useEffect(() => {
    let live = true;
    void run({ type: 'getLogos' }, { quiet: true }).then((res) => {
      if (live && res.ok) setLogos(res.logos ?? []);
    });
    return () => {
      live = false;
    };
  }, [ids]);

  const onFile = async (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    setProblem(null);
    setMsg('');
    if (!file) return;
    setBusy(true);
    try {
      const r = await rasterise(file);
      if (!r.ok) return setProblem(r.error);
      const res = await run(
        { type: 'addLogo', name: file.name.replace(/\.[^.]+$/, '').slice(0, 200) || 'Logo', png: bytesToBase64(r.png), width: r.width, height: r.height },
        { quiet: true },
      );
      if (res.ok) setMsg(t('logos.added', { file: file.name, width: r.width, height: r.height }));
      else setProblem(t('common.nothingChanged', { error: res.error }));
    } finally {
      setBusy(false);
      input.value = '';
    }
  };

  return (
    <section aria-labelledby="logos-h">
      <h2 id="logos-h">{t('logos.heading')}</h2>
      <p class="hint">{t('logos.hint')}</p>
      <label for="logo-file">{t('logos.add')}</label>
      <input id="logo-file" type="file" accept=".png,.jpg,.jpeg,.webp,.svg,image/png,image/jpeg,image/webp,image/svg+xml" onChange={onFile} disabled={busy} />
      {problem && (
        <p role="alert" class="error">
          {problem}
        </p>
      )}
      <p role="status" class="ok">
        {msg}
      </p>
      {logos.length > 0 && (
        <ul class="logos">
          {logos.map((l) => (
            <li key={l.id}>
              <img src={`data:image/png;base64,${l.png}`} alt={t('logos.alt', { name: l.name })} />
              <span>
                {l.name}
                <span class="hint">
                  {' '}
                  {l.width} × {l.height}
                </span>
              </span>
              <button type="button" class="secondary" onClick={() => void run({ type: 'deleteLogo', id: l.id })}>
                {t('common.remove')} <span class="visually-hidden">{l.name}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
