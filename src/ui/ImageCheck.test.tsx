// @vitest-environment happy-dom
/**
 * The image chip never says "nothing found" about a picture it could not look at: when the logo,
 * text and people checks all could not run (a file the decoder cannot read, a video frame that would
 * not decode), the chip and the warning say only the location data was checked, in both languages.
 */
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../i18n';
import type { ImageVerdict } from '../messaging/protocol';
import { ImageLayer, type AttachmentView } from './ImageCheck';

const actions = { onStrip() {}, onPostAnyway() {}, onDismiss() {} };
const notLooked = (['logo', 'ocr', 'faces'] as const).map((stage) => ({ stage, reason: 'This kind of file cannot be read (image/heic).' }));
const item = (verdict: ImageVerdict, video = false): AttachmentView => ({ id: 1, status: 'done', verdict, allowed: false, source: 'input', video });
const show = (a: AttachmentView) => render(<ImageLayer vm={{ items: [a], held: false, waiting: false, focusToken: 0 }} actions={actions} />);

afterEach(() => {
  cleanup();
  setLocale('en-GB');
});

describe('a picture that could not be looked at', () => {
  it('the chip says so instead of "nothing found"', () => {
    show(item({ findings: [], hasLocation: false, skipped: notLooked }));
    expect(screen.queryByText('Image checked: nothing found.')).toBeNull();
    expect(screen.getAllByText(/Location data checked, but the picture itself could not be looked at/).length).toBeGreaterThan(0);
  });

  it('a picture that was looked at is "nothing found" (one stage skipped is not enough)', () => {
    show(item({ findings: [], hasLocation: false, skipped: [notLooked[1]!] }));
    expect(screen.getAllByText('Image checked: nothing found.').length).toBeGreaterThan(0);
  });

  it('the warning for a location finding adds the note (video wording), in Welsh too', () => {
    const verdict: ImageVerdict = {
      findings: [{ rule: 'photo-location', severity: 'warn', title: 'Photo taken at school', clause: 'No photos at school.', detail: 'Taken at Main site.' }],
      hasLocation: true,
      skipped: notLooked,
    };
    show(item(verdict, true));
    expect(screen.getByText(/the video's first frame could not be looked at/)).toBeTruthy();
    cleanup();
    setLocale('cy');
    show(item(verdict, true));
    expect(screen.getByText(/doedd dim modd edrych ar ffrâm gyntaf y fideo/)).toBeTruthy();
  });
});

describe('what each finding is about, in the user\'s language', () => {
  const logo = (say?: ImageVerdict['findings'][number]['say']): ImageVerdict => ({
    findings: [{ rule: 'logo', severity: 'warn', title: 'School logo', clause: 'Do not publish the logo.', detail: 'The school logo appears in this image, at the top left (crest).', ...(say ? { say } : {}) }],
    hasLocation: false,
    skipped: [],
  });

  it('a logo found at the top left: English, then Welsh with the place translated', () => {
    const v = logo({ key: 'image.detail.logoIn', params: { logo: 'crest', where: 'topLeft' } });
    show(item(v));
    expect(screen.getByText('The school logo appears in this image, at the top left (crest).')).toBeTruthy();
    cleanup();
    setLocale('cy');
    show(item(v));
    expect(screen.getByText('Mae logo’r ysgol i’w weld yn y ddelwedd hon, ar y chwith uchaf (crest).')).toBeTruthy();
  });

  it.each([
    [{ key: 'image.detail.people.many', params: { count: 3 } }, 'Mae 3 o bobl yn y llun hwn; mae’r polisi’n gwahardd lluniau o ddisgyblion.'],
    [{ key: 'image.detail.locationNear', params: { place: 'Main site', distance: '40 m' } }, 'Wedi’i dynnu tua 40 m o Main site.'],
    [{ key: 'image.detail.text.pupil-name' }, 'Mae modd darllen enw disgybl yn y ddelwedd hon.'],
  ] as const)('in Welsh: %j', (say, text) => {
    setLocale('cy');
    show(item(logo(say)));
    expect(screen.getByText(text)).toBeTruthy();
  });

  it('a finding without a key shows its English detail as it came', () => {
    setLocale('cy');
    show(item(logo()));
    expect(screen.getByText('The school logo appears in this image, at the top left (crest).')).toBeTruthy();
  });
});

describe('where the warning goes', () => {
  const finding: ImageVerdict = {
    findings: [{ rule: 'photo-location', severity: 'warn', title: 'Photo taken at school', clause: 'No photos at school.', detail: 'Taken at Main site.' }],
    hasLocation: true,
    skipped: [],
  };
  const wrapOf = (c: Element) => c.querySelector<HTMLElement>('.wrap')!;

  it("beside its composer, not over the composer's Send button (a composer along the bottom: above it)", () => {
    const composer = { x: 40, y: 700, w: 900, h: 36 };
    const send = { x: 950, y: 700, w: 40, h: 36 };
    const { container } = render(
      <ImageLayer vm={{ items: [item(finding)], held: true, waiting: false, focusToken: 1, anchor: composer, avoid: [send] }} actions={actions} />,
    );
    const s = wrapOf(container).style;
    const left = parseFloat(s.left);
    const top = parseFloat(s.top);
    expect(Number.isFinite(left) && Number.isFinite(top)).toBe(true);
    expect(s.bottom).toBe('auto');
    // Above the composer (the window is 1024 × 768 here): it covers neither the box nor Send.
    expect(top).toBeLessThan(composer.y);
    expect(left).toBeGreaterThanOrEqual(8);
  });

  it('without a composer: the window corner (the stylesheet places it)', () => {
    const { container } = render(<ImageLayer vm={{ items: [item(finding)], held: false, waiting: false, focusToken: 0 }} actions={actions} />);
    expect(wrapOf(container).style.left).toBe('');
  });
});

describe('the words follow what the composer sends', () => {
  const people: ImageVerdict = {
    findings: [{ rule: 'photo-people', severity: 'high', title: 'People in a photo', clause: '§6.9', detail: 'This photo shows 2 people.' }],
    hasLocation: false,
    skipped: [],
  };
  const held = (a: AttachmentView) => render(<ImageLayer vm={{ items: [a], held: true, waiting: false, focusToken: 0 }} actions={actions} />);

  it.each([
    [undefined, false, 'Your post has not been sent. This photo may break', 'I have removed this photo from my post'],
    ['message', false, 'Your message has not been sent. This photo may break', 'I have removed this photo from my message'],
    ['comment', true, 'Your comment has not been sent. This video may break', 'I have removed this video from my comment'],
  ] as const)('%s (video: %s)', (noun, video, summary, removed) => {
    held({ ...item(people, video), ...(noun ? { noun } : {}) });
    expect(screen.getByText(new RegExp(summary))).toBeTruthy();
    expect(screen.getByText(removed)).toBeTruthy();
  });

  it('in Welsh, a message: "Dydy eich neges ddim wedi’i hanfon"', () => {
    setLocale('cy');
    held({ ...item(people), noun: 'message' });
    expect(screen.getByText(/Dydy eich neges ddim wedi’i hanfon\. Gallai’r llun hwn/)).toBeTruthy();
    expect(screen.getByText('Rydw i wedi tynnu’r llun hwn o fy neges')).toBeTruthy();
  });
});
