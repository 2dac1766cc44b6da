/**
 * Editors survive (issue 7): on every editor fixture, after a warning comes and goes, the editor's
 * own model holds exactly what was typed, undo and redo still work, and nothing of ours is in the
 * editor's DOM. One row per editor; a site's row names the fixture page, the editor, the fixture's
 * name for it (window.__fixture.getEditorText) and the tags the editor itself renders.
 */
import { editorText, expect, expectWarning, loadDemo, test, warningText } from './harness';

interface EditorRow {
  site: string;
  url: string;
  editor: string;
  name: string;
  tags: string[];
  undo: string;
  redo: string;
}

const ROWS: EditorRow[] = [
  { site: 'Facebook post (Lexical)', url: 'https://www.facebook.com/', editor: '[role="dialog"] [data-lexical-editor="true"]', name: 'post', tags: ['P', 'SPAN'], undo: 'Control+z', redo: 'Control+Shift+z' },
  { site: 'Facebook comment (Lexical)', url: 'https://www.facebook.com/', editor: '[data-lexical-editor="true"][aria-label="Write a comment…"]', name: 'comment', tags: ['P', 'SPAN'], undo: 'Control+z', redo: 'Control+Shift+z' },
  { site: 'Instagram caption (Lexical)', url: 'https://www.instagram.com/', editor: '[role="dialog"] [data-lexical-editor="true"]', name: 'caption', tags: ['P', 'SPAN', 'BR'], undo: 'Control+z', redo: 'Control+Shift+z' },
  { site: 'Threads post (Lexical)', url: 'https://www.threads.com/', editor: '[role="dialog"] [data-lexical-editor="true"]', name: 'post', tags: ['P', 'SPAN', 'BR'], undo: 'Control+z', redo: 'Control+Shift+z' },
  { site: 'Reddit comment (Lexical in a web component)', url: 'https://www.reddit.com/r/Teachers/comments/fixture/end_of_term/', editor: 'shreddit-composer div[role="textbox"][name="body"]', name: 'comment', tags: ['P', 'SPAN', 'BR'], undo: 'Control+z', redo: 'Control+Shift+z' },
  { site: 'LinkedIn post (Quill in a shadow root)', url: 'https://www.linkedin.com/feed/', editor: '#interop-outlet .ql-editor[role="textbox"]', name: 'post', tags: ['P', 'SPAN', 'BR'], undo: 'Control+z', redo: 'Control+Shift+z' },
  { site: 'YouTube comment (contenteditable)', url: 'https://www.youtube.com/watch?v=fixture0001', editor: '#contenteditable-root', name: 'comment', tags: ['BR', 'DIV', 'SPAN'], undo: 'Control+z', redo: 'Control+Shift+z' },
  { site: 'X post (Draft.js)', url: 'https://x.com/home', editor: '[data-testid="tweetTextarea_0"]', name: 'post', tags: ['BR', 'DIV', 'SPAN'], undo: 'Control+z', redo: 'Control+Shift+z' },
];

test.beforeEach(async ({ context, extensionId }) => {
  await loadDemo(context, extensionId);
});

for (const row of ROWS) {
  test(`${row.site}: model text exact through a warning, undo/redo work, no foreign DOM`, async ({ context }) => {
    const page = await context.newPage();
    await page.goto(row.url);
    await page.click(row.editor);
    const typed = 'Sports day with Evie Carter was';
    await page.keyboard.type(typed, { delay: 5 });
    await expectWarning(page, '“Evie Carter”');
    expect(await editorText(page, row.name)).toBe(typed);

    // Undo changes the editor's own model; redo brings back exactly what was typed.
    await page.keyboard.press(row.undo);
    await expect.poll(() => editorText(page, row.name)).not.toBe(typed);
    const undone = await editorText(page, row.name);
    expect(typed.startsWith(undone)).toBe(true);
    await page.keyboard.press(row.redo);
    await expect.poll(() => editorText(page, row.name)).toBe(typed);

    // The warning goes when the name goes (select all, retype), and the model is what was typed.
    await page.keyboard.press('Control+a');
    const clean = 'Sports day was great fun';
    await page.keyboard.type(clean, { delay: 5 });
    await expect.poll(() => warningText(page)).toBe('');
    expect(await editorText(page, row.name)).toBe(clean);

    // Nothing of ours inside the editor: only the editor's own tags, no extra attributes of ours.
    const dom = await page.$eval(row.editor, (ed) => ({
      tags: [...new Set([...ed.querySelectorAll('*')].map((e) => e.tagName))].sort(),
      custom: [...ed.querySelectorAll('*')].filter((e) => e.tagName.includes('-') || [...e.attributes].some((a) => /second|look|sl-/i.test(a.name))).length,
    }));
    for (const t of dom.tags) expect(row.tags).toContain(t);
    expect(dom.custom).toBe(0);
  });
}
