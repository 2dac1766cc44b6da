// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { positionAt, readEditor } from './read-text';

function editor(html: string): HTMLElement {
  document.body.innerHTML = `<div id="ed" contenteditable="true">${html}</div>`;
  return document.getElementById('ed')!;
}

describe('readEditor', () => {
  const table: Array<[string, string, string]> = [
    ['Lexical paragraphs', '<p><span data-lexical-text="true">Hello Evie</span></p><p><span data-lexical-text="true">Carter</span></p>', 'Hello Evie\nCarter'],
    ['Lexical empty paragraph', '<p><span data-lexical-text="true">a</span></p><p><br></p><p><span data-lexical-text="true">b</span></p>', 'a\n\nb'],
    ['Lexical line break inside a paragraph', '<p><span>Noemie</span><br><span>Dubois</span></p>', 'Noemie\nDubois'],
    [
      'Draft.js blocks',
      '<div data-contents="true"><div data-block="true"><div><span><span data-text="true">Well done</span></span></div></div><div data-block="true"><div><span><br data-text="true"></span></div></div><div data-block="true"><div><span><span data-text="true">Evie</span></span></div></div></div>',
      'Well done\n\nEvie',
    ],
    ['emoji image contributes its alt', '<p><span>Yay </span><img alt="🎉" src="x"><span> Evie</span></p>', 'Yay 🎉 Evie'],
    ['placeholder is skipped', '<p><span>hi</span></p><div aria-hidden="true">What\'s on your mind?</div>', 'hi'],
  ];
  it.each(table)('%s', (_n, html, expected) => {
    expect(readEditor(editor(html)).text).toBe(expected);
  });

  it('reads an editor root that carries data-placeholder itself (Quill .ql-editor)', () => {
    document.body.innerHTML = '<div id="q" class="ql-editor" contenteditable="true" data-placeholder="What do you want to talk about?"><p>Well done Evie</p><p><span data-placeholder="x">hint</span></p></div>';
    expect(readEditor(document.getElementById('q')!).text).toBe('Well done Evie');
  });

  it('reads an editor inside an open shadow root', () => {
    document.body.innerHTML = '<div id="host"></div>';
    const root = document.getElementById('host')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<div id="ed" contenteditable="true"><p>Hello</p><p>Evie Carter</p></div>';
    expect(readEditor(root.getElementById('ed')!).text).toBe('Hello\nEvie Carter');
  });

  it('reads textarea values', () => {
    document.body.innerHTML = '<textarea id="t"></textarea>';
    const t = document.getElementById('t') as HTMLTextAreaElement;
    t.value = 'line one\nEvie Carter';
    expect(readEditor(t).text).toBe('line one\nEvie Carter');
  });

  it('maps text offsets back to the right text node', () => {
    const ed = editor('<p><span>Hello </span><span>Evie</span></p><p><span>Carter</span></p>');
    const read = readEditor(ed);
    const start = read.text.indexOf('Evie');
    const a = positionAt(read, start)!;
    expect(a.node.data).toBe('Evie');
    expect(a.offset).toBe(0);
    const end = positionAt(read, read.text.indexOf('Carter') + 6, true)!;
    expect(end.node.data).toBe('Carter');
    expect(end.offset).toBe(6);
    // An end offset on a boundary belongs to the segment before it.
    const boundary = positionAt(read, start + 4, true)!;
    expect(boundary.node.data).toBe('Evie');
    expect(boundary.offset).toBe(4);
  });
});
