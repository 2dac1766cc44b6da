// @vitest-environment happy-dom
/**
 * The warning panel in each language: every sentence and button comes from the catalogue, the kind
 * of thing being sent picks the whole sentence (Welsh mutates the noun), and the panel says which
 * language it speaks so a screen reader pronounces it properly.
 */
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { setLocale, type Locale } from '../i18n';
import type { Finding } from '../engine/types';
import { WarningLayer, type WarningViewModel } from './Warning';

const finding: Finding = { rule: 'pupil-name', start: 0, end: 9, severity: 'high', title: "Pupil's name", clause: '§5.4 Do not name pupils.' } as Finding;
const actions = { onEdit() {}, onPostAnyway() {}, onClose() {} };
const vm = (patch: Partial<WarningViewModel>): WarningViewModel => ({
  items: [{ finding, words: 'Ava Smith' }],
  boxes: [],
  anchor: { x: 10, y: 10, w: 300, h: 80 },
  held: true,
  allowed: false,
  panelOpen: true,
  surfaceNoun: 'post',
  focusToken: 1,
  ...patch,
});

afterEach(() => {
  cleanup();
  setLocale('en-GB');
});

describe('WarningLayer', () => {
  it.each([
    ['en-GB', 'post', 'Second Look: check before you post', "Your post has not been sent. It may break your school's social media policy.", 'Edit my post', 'Post anyway', 'Policy: §5.4 Do not name pupils.'],
    ['en-GB', 'comment', 'Second Look: check before you post', "Your comment has not been sent. It may break your school's social media policy.", 'Edit my comment', 'Post anyway', 'Policy: §5.4 Do not name pupils.'],
    ['cy', 'post', 'Second Look: gwiriwch cyn postio', 'Nid yw eich postiad wedi’i anfon. Gallai dorri polisi cyfryngau cymdeithasol eich ysgol.', 'Golygu fy mhostiad', 'Postio beth bynnag', 'Polisi: §5.4 Do not name pupils.'],
    ['cy', 'profile', 'Second Look: gwiriwch cyn postio', 'Nid yw eich proffil wedi’i gadw. Gallai dorri polisi cyfryngau cymdeithasol eich ysgol.', 'Golygu fy mhroffil', 'Postio beth bynnag', 'Polisi: §5.4 Do not name pupils.'],
    ['cy', 'message', 'Second Look: gwiriwch cyn postio', 'Nid yw eich neges wedi’i hanfon. Gallai dorri polisi cyfryngau cymdeithasol eich ysgol.', 'Golygu fy neges', 'Postio beth bynnag', 'Polisi: §5.4 Do not name pupils.'],
  ] as const)('%s, held %s', (locale: Locale, noun, title, summary, edit, anyway, policy) => {
    setLocale(locale);
    render(<WarningLayer vm={vm({ surfaceNoun: noun })} actions={actions} />);
    const panel = screen.getByRole('alertdialog');
    expect(panel.getAttribute('lang')).toBe(locale);
    expect(screen.getByRole('heading').textContent).toBe(title);
    expect(panel.querySelector('.summary')!.textContent).toBe(summary);
    expect(panel.querySelector('.clause')!.textContent).toBe(policy);
    expect(screen.getByRole('button', { name: edit })).toBeTruthy();
    expect(screen.getByRole('button', { name: anyway })).toBeTruthy();
    // The live region repeats the summary and the user's own words with the rule's title.
    expect(screen.getByRole('status').textContent).toBe(`Second Look: ${summary} Ava Smith: Pupil's name.`);
  });

  it.each([
    ['en-GB', 'This may break your school\'s social media policy.', 'OK. Your comment will go as it is when you press the button again.'],
    ['cy', 'Gallai hyn dorri polisi cyfryngau cymdeithasol eich ysgol.', 'Iawn. Bydd eich sylw yn mynd fel y mae pan fyddwch yn pwyso’r botwm eto.'],
  ] as const)('%s: not held, then allowed', (locale: Locale, maybe, allowed) => {
    setLocale(locale);
    const { rerender } = render(<WarningLayer vm={vm({ held: false, surfaceNoun: 'comment' })} actions={actions} />);
    expect(screen.getByRole('dialog').querySelector('.summary')!.textContent).toBe(maybe);
    rerender(<WarningLayer vm={vm({ held: false, allowed: true, surfaceNoun: 'comment' })} actions={actions} />);
    expect(screen.getByRole('dialog').querySelector('.summary')!.textContent).toBe(allowed);
    expect(screen.queryAllByRole('button')).toHaveLength(1);
  });

  it('a reminder about the whole post (zero-length span) quotes no words', () => {
    const reminder: Finding = { rule: 'working-hours', start: 0, end: 0, severity: 'info', title: 'Working hours', clause: '§4.2 Not during working time.' } as Finding;
    render(<WarningLayer vm={vm({ items: [{ finding, words: 'Ava Smith' }, { finding: reminder, words: '' }] })} actions={actions} />);
    const items = screen.getByRole('alertdialog').querySelectorAll('li');
    expect(items[0]!.querySelector('.words')!.textContent).toBe('“Ava Smith”');
    expect(items[1]!.querySelector('.words')).toBeNull();
    expect(items[1]!.querySelector('.rule')!.textContent).toBe('Working hours');
    expect(screen.getByRole('status').textContent).toMatch(/Ava Smith: Pupil's name\. Reminder: Working hours\.$/);
  });
});
