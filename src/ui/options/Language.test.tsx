// @vitest-environment happy-dom
/**
 * The language choice on the options page: the background's stored choice wins, a change is sent
 * to the background and the whole page (headings, labels, buttons, messages) follows at once,
 * without losing what the user has typed.
 */
import { cleanup, configure, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import defaultPack from '../../../rules/default.json';
import { setLocale, type Locale } from '../../i18n';
import type { AdminMessage, AdminResponse, LocaleMessage, LocaleResponse, Status } from '../../messaging/protocol';
import { App } from './App';
import type { LocaleApi } from './LanguagePicker';

// On a loaded machine (several suites on two cores) a re-render can take seconds: the waits below
// are on conditions, given room to come true, and each test room for several of them.
configure({ asyncUtilTimeout: 10_000 });
vi.setConfig({ testTimeout: 30_000 });

const status: Status = {
  school: { name: '', aliases: [], handles: [], hashtags: [], emailDomains: [] },
  packTitle: 'UK default',
  packId: 'uk-default',
  lists: [],
  totals: { people: 3, pupils: 3 },
};

const send = vi.fn(async (msg: AdminMessage): Promise<AdminResponse> => {
  if (msg.type === 'getPack') return { ok: true, pack: structuredClone(defaultPack) as never };
  return { ok: true, status: structuredClone(status) };
});

function fakeLocale(stored: Locale | 'unavailable') {
  const sent: LocaleMessage[] = [];
  let current = stored;
  const api: LocaleApi = {
    send: async (msg): Promise<LocaleResponse> => {
      sent.push(msg);
      if (current === 'unavailable') throw new Error('no background');
      if (msg.type === 'setLocale') current = msg.locale;
      return { ok: true, locale: current };
    },
  };
  return { api, sent };
}

afterEach(() => {
  cleanup();
  setLocale('en-GB');
  document.documentElement.lang = '';
});

describe('language choice', () => {
  it('switching to Cymraeg sends it to the background and turns the whole page Welsh', async () => {
    const { api, sent } = fakeLocale('en-GB');
    render(<App send={send} localeApi={api} />);
    await screen.findByRole('heading', { name: 'Your school' });
    fireEvent.input(screen.getByLabelText('School name'), { target: { value: 'Ysgol y Graig' } });
    const picker = screen.getByLabelText('Language') as HTMLSelectElement;
    expect(picker.value).toBe('en-GB');
    expect([...picker.options].map((o) => o.textContent)).toEqual(['English', 'Cymraeg']);

    fireEvent.change(picker, { target: { value: 'cy' } });
    await screen.findByRole('heading', { name: 'Eich ysgol' });
    expect(sent).toEqual([{ type: 'getLocale' }, { type: 'setLocale', locale: 'cy' }]);
    expect(document.documentElement.lang).toBe('cy');
    for (const heading of ['Rheolau polisi’r ysgol', 'Rhestrau dosbarth', 'Logos yr ysgol', 'Rhowch gynnig arni', 'Gwefannau eraill', 'Dileu popeth']) {
      expect(screen.getByRole('heading', { name: heading })).toBeTruthy();
    }
    expect(screen.getByRole('button', { name: 'Cadw manylion yr ysgol' })).toBeTruthy();
    expect(screen.getByTestId('pupil-count').textContent).toBe('3 o ddisgyblion wedi’u cadw');
    expect((await screen.findAllByRole('option', { name: 'Difrifol' })).length).toBeGreaterThan(0);
    // The Language label itself is Welsh now, and what the user typed is still there.
    expect((screen.getByLabelText('Iaith') as HTMLSelectElement).value).toBe('cy');
    expect((screen.getByLabelText('Enw’r ysgol') as HTMLInputElement).value).toBe('Ysgol y Graig');
    // Messages the page words itself follow too.
    fireEvent.click(screen.getByRole('button', { name: 'Dileu popeth…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Ie, dileu popeth' }));
    await screen.findByText('Mae popeth wedi’i ddileu.');
  }, 20_000);

  it('the choice stored by the background wins over the browser languages', async () => {
    const { api } = fakeLocale('cy');
    render(<App send={send} localeApi={api} />);
    await screen.findByRole('heading', { name: 'Eich ysgol' });
    expect((screen.getByLabelText('Iaith') as HTMLSelectElement).value).toBe('cy');
  });

  it('in Welsh, a broken class list is refused in Welsh, naming the file, row and column', async () => {
    const { api } = fakeLocale('cy');
    render(<App send={send} localeApi={api} />);
    const input = await screen.findByLabelText('Dewiswch ffeil rhestr ddosbarth');
    const file = new File(['Forename,Surname\nAmy,\n'], 'dosbarth.csv', { type: 'text/csv' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    fireEvent.change(input);
    const alert = await screen.findByText(/dosbarth\.csv rhes 2/);
    expect(alert.textContent).toBe('dosbarth.csv rhes 2: mae’r gell Surname yn wag. Does dim wedi’i fewnforio.');
  });

  it.each([
    [['cy-GB', 'en-GB'], 'Eich ysgol'],
    [['en-US'], 'Your school'],
  ])('with no background answer, browser languages %j give %s', async (languages, heading) => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(languages);
    const { api } = fakeLocale('unavailable');
    render(<App send={send} localeApi={api} />);
    await screen.findByRole('heading', { name: heading });
    vi.restoreAllMocks();
  });
});
