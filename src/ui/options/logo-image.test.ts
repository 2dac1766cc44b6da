/** SVG checks and downscaling: hostile SVGs are refused with a clear message; safe ones pass with their size. */
import { describe, expect, it } from 'vitest';
import { checkSvg, fitSize } from './logo-image';

const svg = (attrs: string, body = '<circle cx="5" cy="5" r="4" fill="#123"/>') => `<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" ${attrs}>${body}</svg>`;
const why = (text: string) => {
  const r = checkSvg(text, 'logo.svg');
  if (r.ok) throw new Error('expected a refusal');
  return r.error.replace(/^logo\.svg was not added: /, '').replace(/\. Export the logo as PNG and try again\. Nothing was changed\.$/, '');
};

describe('checkSvg', () => {
  it.each([
    ['width and height', svg('width="120" height="60"'), 120, 60],
    ['px units', svg('width="120px" height="60px"'), 120, 60],
    ['viewBox only', svg('viewBox="0 0 300 150"'), 300, 150],
    ['width and viewBox', svg('width="100" viewBox="0 0 300 150"'), 100, 50],
    ['internal fragment links', svg('width="10" height="10"', '<defs><linearGradient id="g"/></defs><use href="#g"/><rect fill="url(#g)" width="5" height="5"/>'), 10, 10],
  ])('accepts %s', (_, text, w, h) => {
    expect(checkSvg(text, 'logo.svg')).toEqual({ ok: true, width: w, height: h });
  });

  it.each([
    ['a script element', svg('width="10" height="10"', '<script>alert(1)</script>'), 'it contains a script'],
    ['an onload handler', svg('width="10" height="10" onload="alert(1)"'), 'it contains event-handler attributes (scripts)'],
    ['an external image', svg('width="10" height="10"', '<image href="https://tracker.example/x.png"/>'), 'it refers to an external file (https://tracker.example/x.png)'],
    ['an xlink:href to a file', svg('width="10" height="10"', "<use xlink:href='other.svg#a'/>"), 'it refers to an external file (other.svg#a)'],
    ['a javascript: link', svg('width="10" height="10"', '<a href="javascript:alert(1)"><rect/></a>'), 'it contains a javascript: link'],
    ['CSS url() to a file', svg('width="10" height="10"', '<style>rect{fill:url(https://x.example/a)}</style>'), 'its styles refer to an external file'],
    ['@import', svg('width="10" height="10"', '<style>@import "x.css";</style>'), 'its styles refer to an external file'],
    ['foreignObject HTML', svg('width="10" height="10"', '<foreignObject><div/></foreignObject>'), 'it embeds HTML or other documents'],
    ['an entity declaration (billion laughs)', `<!DOCTYPE svg [<!ENTITY a "aaaa">]>${svg('width="10" height="10"')}`, 'it declares entities or a DOCTYPE'],
    ['huge dimensions', svg('width="100000" height="100000"'), 'its size (100000 × 100000) is larger than 8192 pixels'],
    ['no size at all', svg(''), 'it has no width, height or viewBox'],
    ['percent sizes without a viewBox', svg('width="100%" height="100%"'), 'it has no width, height or viewBox'],
    ['not an SVG', '<html><body>hi</body></html>', 'it is not an SVG image'],
  ])('refuses %s', (_, text, message) => {
    expect(why(text)).toBe(message);
  });
});

describe('fitSize', () => {
  it.each([
    [1024, 512, 512, 256],
    [100, 50, 100, 50],
    [512, 2048, 128, 512],
    [5000, 1, 512, 1],
  ])('%i×%i → %i×%i', (w, h, ow, oh) => expect(fitSize(w, h)).toEqual({ width: ow, height: oh }));
});
