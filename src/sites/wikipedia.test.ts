// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { WIKIPEDIA_EDITOR_HOOKS, WIKIPEDIA_PUBLISH_LABELS, wikipedia } from './wikipedia';
import { adapterFor, isLimited, MATCH_PATTERNS } from './index';
import { key, pathOf, setBody } from '../../test/unit/site-dom';

// MediaWiki's source edit form (action=edit), trimmed to the parts the adapter reads.
const EDITFORM = (opts: { save?: string; codemirror?: boolean } = {}) => `
<div id="content"><form class="mw-editform" id="editform" name="editform" method="post" action="/w/index.php?title=Holbrook_Primary_School&amp;action=submit" enctype="multipart/form-data">
  <input type="hidden" name="wpSection" value="">
  <div class="wikiEditor-ui"><div class="wikiEditor-ui-text">
    <textarea aria-label="Wikitext source editor" tabindex="1" accesskey="," id="wpTextbox1" cols="80" rows="25" class="mw-editfont-monospace" lang="en" dir="ltr" name="wpTextbox1"${opts.codemirror ? ' style="display: none;"' : ''}></textarea>
    ${opts.codemirror ? '<div class="cm-editor"><div class="cm-scroller"><div class="cm-content" contenteditable="true" role="textbox" aria-multiline="true" id="cm"><div class="cm-line" id="cmline">Text</div></div></div></div>' : ''}
  </div></div>
  <div class="editOptions">
    <div id="wpSummaryLabel" class="mw-summary"><input type="text" name="wpSummary" id="wpSummary" maxlength="500" class="oo-ui-inputWidget-input"></div>
    <div class="editButtons">
      <span id="wpSaveWidget" class="oo-ui-widget oo-ui-buttonElement oo-ui-flaggedElement-primary oo-ui-buttonInputWidget"><input type="submit" tabindex="3" title="Publish your changes [alt-shift-s]" accesskey="s" name="wpSave" id="wpSave" value="${opts.save ?? 'Publish changes'}" class="oo-ui-inputWidget-input oo-ui-buttonElement-button"></span>
      <span id="wpPreviewWidget" class="oo-ui-widget oo-ui-buttonInputWidget"><input type="submit" name="wpPreview" id="wpPreview" value="Show preview" class="oo-ui-inputWidget-input oo-ui-buttonElement-button"></span>
      <span id="wpDiffWidget" class="oo-ui-widget oo-ui-buttonInputWidget"><input type="submit" name="wpDiff" id="wpDiff" value="Show changes" class="oo-ui-inputWidget-input oo-ui-buttonElement-button"></span>
      <span class="cancelLink"><a id="mw-editform-cancel" href="/wiki/Holbrook_Primary_School">Cancel</a></span>
    </div>
  </div>
</form></div>`;

// VisualEditor: the document node, the toolbar's save button (opens the dialog) and the dialog.
const VE = `
<div class="ve-init-mw-desktopArticleTarget-toolbar"><span class="ve-ui-toolbar-saveButton oo-ui-flaggedElement-primary"><a class="oo-ui-buttonElement-button" role="button" id="vetoolbar"><span class="oo-ui-labelElement-label">Publish changes…</span></a></span></div>
<div class="ve-ce-surface"><div class="ve-ce-attachedRootNode ve-ce-documentNode ve-ce-branchNode" contenteditable="true" id="vedoc"><p class="ve-ce-paragraphNode" id="vepara">Holbrook</p></div></div>
<div class="oo-ui-windowManager"><div class="oo-ui-dialog oo-ui-processDialog ve-ui-mwSaveDialog">
  <div class="oo-ui-processDialog-actions-safe"><span class="oo-ui-actionWidget"><a class="oo-ui-buttonElement-button" role="button" id="vecancel"><span class="oo-ui-labelElement-label">Cancel</span></a></span></div>
  <div class="oo-ui-processDialog-actions-primary"><span class="oo-ui-actionWidget oo-ui-flaggedElement-primary oo-ui-flaggedElement-progressive"><a class="oo-ui-buttonElement-button" role="button" id="vepublish"><span class="oo-ui-labelElement-label" id="vepublishlabel">Cyhoeddi newidiadau</span></a></span></div>
  <input type="text" class="oo-ui-inputWidget-input" id="vesummary">
</div></div>`;

// DiscussionTools reply tool (source mode) on a talk page.
const REPLY = `
<div class="ext-discussiontools-ui-replyWidget">
  <div class="ext-discussiontools-ui-replyWidget-bodyWrapper"><textarea class="oo-ui-inputWidget-input" id="reply" aria-label="Reply to Example"></textarea></div>
  <div class="ext-discussiontools-ui-replyWidget-actions">
    <span class="oo-ui-widget oo-ui-flaggedElement-safe"><a class="oo-ui-buttonElement-button" role="button" id="replycancel">Cancel</a></span>
    <span class="oo-ui-widget oo-ui-flaggedElement-primary oo-ui-flaggedElement-progressive"><a class="oo-ui-buttonElement-button" role="button" id="replysubmit"><span class="oo-ui-labelElement-label">Reply</span></a></span>
  </div>
</div>
<a role="button" id="outside">Reply</a>`;

describe('wikipedia adapter: editors', () => {
  it.each([
    [EDITFORM(), '#wpTextbox1', 'wpTextbox1'],
    [EDITFORM({ codemirror: true }), '#cmline', 'cm'], // CodeMirror 6: the contenteditable
    [EDITFORM({ codemirror: true }), '#wpTextbox1', 'cm'], // its hidden textarea maps to it
    [EDITFORM(), '#wpSummary', null], // the summary is not the text a submit is held against
    [VE, '#vepara', 'vedoc'],
    [VE, '#vesummary', null],
    [REPLY, '#reply', 'reply'],
    ['<textarea id="wpTextbox1"></textarea>', '#wpTextbox1', null], // not inside the edit form
    ['<div class="cm-content" contenteditable="true" id="loose">x</div>', '#loose', null],
    ['<div class="ve-ce-documentNode" id="ro">read-only</div>', '#ro', null],
  ])('editor of (%#) %s', (html, sel, id) => {
    setBody(html);
    const ed = wikipedia.editorFrom(pathOf(sel));
    expect(ed?.id ?? null).toBe(id);
    if (ed) {
      expect(wikipedia.surfaceOf(ed)).toBe('wiki-edit');
      expect(ed.matches(WIKIPEDIA_EDITOR_HOOKS)).toBe(true);
    }
  });
});

describe('wikipedia adapter: publish controls', () => {
  it.each([
    [EDITFORM(), '#wpSave', 'wpSave'],
    [EDITFORM({ save: 'Cyhoeddi newidiadau' }), '#wpSave', 'wpSave'], // Welsh interface
    [EDITFORM({ save: 'Änderungen veröffentlichen' }), '#wpSave', 'wpSave'], // the id, not the label
    [EDITFORM(), '#wpPreview', null],
    [EDITFORM(), '#wpDiff', null],
    [EDITFORM(), '#mw-editform-cancel', null],
    [VE, '#vepublishlabel', 'vepublish'],
    [VE, '#vecancel', null],
    [VE, '#vetoolbar', null], // only opens the save dialog
    [REPLY, '#replysubmit', 'replysubmit'],
    [REPLY, '#replycancel', null],
    [REPLY, '#outside', null], // a "Reply" link outside the reply tool opens it, posts nothing
    ['<form><input type="submit" id="wpSave" value="Publish changes"></form>', '#wpSave', null], // not the edit form
  ])('submitControlFrom (%#) %s', (html, sel, id) => {
    setBody(html);
    expect(wikipedia.submitControlFrom(pathOf(sel))?.id ?? null).toBe(id);
  });

  it('every label in the table is a publish button inside the edit form only', () => {
    for (const label of Object.values(WIKIPEDIA_PUBLISH_LABELS).flat()) {
      setBody(`<form id="editform"><textarea id="wpTextbox1"></textarea><button type="submit" id="b">${label}</button></form><button type="submit" id="out">${label}</button>`);
      expect(wikipedia.submitControlFrom(pathOf('#b'))?.id, label).toBe('b');
      expect(wikipedia.submitControlFrom(pathOf('#out')), label).toBeNull();
    }
  });

  it('preview and diff submits are ignored, publishing is not', () => {
    setBody(EDITFORM());
    const el = (id: string) => document.getElementById(id)!;
    expect([el('wpPreview'), el('wpDiff'), el('wpSave')].map((b) => wikipedia.ignoresSubmit!(b))).toEqual([true, true, false]);
  });

  it('Ctrl/Cmd+Enter posts from the reply tool only', () => {
    setBody(REPLY + EDITFORM());
    const reply = document.getElementById('reply')!;
    const source = document.getElementById('wpTextbox1')!;
    expect(wikipedia.isKeyboardSubmit(key({ key: 'Enter', ctrlKey: true }), reply)).toBe(true);
    expect(wikipedia.isKeyboardSubmit(key({ key: 'Enter', metaKey: true }), reply)).toBe(true);
    expect(wikipedia.isKeyboardSubmit(key({ key: 'Enter' }), reply)).toBe(false);
    expect(wikipedia.isKeyboardSubmit(key({ key: 'Enter', ctrlKey: true }), source)).toBe(false);
  });
});

describe('wikipedia registration', () => {
  it('runs on every language wiki, and only there', () => {
    expect(MATCH_PATTERNS).toContain('https://*.wikipedia.org/*');
    expect(adapterFor('https://en.wikipedia.org')).toBe(wikipedia);
    expect(adapterFor('https://cy.wikipedia.org')).toBe(wikipedia);
    expect(adapterFor('https://en.wikipedia.org.evil.example')).not.toBe(wikipedia);
    expect(adapterFor('https://wikipedia.org')).not.toBe(wikipedia);
  });

  it('is never "limited" on its own editors', () => {
    setBody(EDITFORM({ codemirror: true }));
    expect(isLimited('https://en.wikipedia.org', document.getElementById('cm')!)).toBe(false);
    expect(isLimited('https://en.wikipedia.org', document.getElementById('wpTextbox1')!)).toBe(false);
  });
});
