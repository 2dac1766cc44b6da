/**
 * Wikipedia (every language: https://*.wikipedia.org) edit surfaces, for the `wiki-edit` rule
 * (policy 001 §6.11, §5.6). Every editor here is checked with surface 'wiki-edit', so the text
 * rules and wiki-edit both run.
 *
 * MediaWiki's markup (stable ids, the same in every interface language):
 *  - Source editor (action=edit / action=submit): `form#editform` holds `textarea#wpTextbox1`, the
 *    edit summary `input#wpSummary`, and three submit inputs: `#wpSave` ("Publish changes",
 *    Welsh "Cyhoeddi newidiadau"), `#wpPreview` ("Show preview") and `#wpDiff` ("Show changes").
 *    Only #wpSave publishes; preview and diff also submit the form but publish nothing.
 *  - CodeMirror 6 syntax highlighting (Extension:CodeMirror) hides the textarea and edits in a
 *    `.cm-editor .cm-content[contenteditable="true"]` inside the same form, copying its text back
 *    into the textarea on submit: the contenteditable is the editor then.
 *  - VisualEditor: `.ve-ce-documentNode[contenteditable="true"]`; the toolbar's save button only
 *    opens the save dialog (`.ve-ui-mwSaveDialog`), whose primary action publishes.
 *  - DiscussionTools reply / new-topic tool on talk pages: `.ext-discussiontools-ui-replyWidget`
 *    with a source textarea (or a VE document), its primary button posts; Ctrl/Cmd+Enter too.
 *
 * The edit summary is not an editor here: the controller holds a submit against one editor, the
 * article text, and must not hold it against the summary instead. No rule logic.
 */
import type { SiteAdapter } from './types';
import { elementsOf } from './types';
import { ctrlEnter } from './generic';
import { controlLabel, isButtonLike } from './labels';

export const WIKIPEDIA_ORIGIN = 'https://*.wikipedia.org';

const FORM = 'form#editform';
const SOURCE = 'textarea#wpTextbox1';
const CODEMIRROR = '.cm-content[contenteditable="true"]';
const VE_DOC = '.ve-ce-documentNode[contenteditable="true"]';
const REPLY = '.ext-discussiontools-ui-replyWidget';

export const WIKIPEDIA_EDITOR_HOOKS = `${FORM} ${SOURCE}, ${FORM} ${CODEMIRROR}, ${VE_DOC}, ${REPLY} textarea`;

/** Publish buttons by label, for a skin or gadget that drops the ids (checked inside the form or dialog only). */
export const WIKIPEDIA_PUBLISH_LABELS: Record<string, readonly string[]> = {
  en: ['publish changes', 'publish page', 'save changes', 'save page', 'reply', 'add topic'],
  cy: ['cyhoeddi newidiadau', 'cyhoeddi tudalen', 'cadw newidiadau', 'cadw tudalen', 'ateb', 'ychwanegu pwnc'],
};
const PUBLISH = new Set(Object.values(WIKIPEDIA_PUBLISH_LABELS).flat());

/** Where a publish control may sit: the source form, VE's save dialog, the reply tool. */
const PUBLISH_SCOPE = `${FORM}, .ve-ui-mwSaveDialog, ${REPLY}`;
/** Submit buttons in the edit form that publish nothing. */
const NOT_PUBLISH = '#wpPreview, #wpDiff, [name="wpPreview"], [name="wpDiff"]';

function controlValue(el: Element): string {
  // <input type=submit> shows its value, which is neither its text nor (usually) an aria-label.
  if (el instanceof HTMLInputElement) return (el.getAttribute('aria-label') ?? el.value).replace(/\s+/g, ' ').trim().toLowerCase();
  return controlLabel(el);
}

export const wikipedia: SiteAdapter = {
  id: 'other',
  origins: [WIKIPEDIA_ORIGIN],
  editorFrom(path) {
    for (const el of elementsOf(path)) {
      if (el.matches(SOURCE) && el.closest(FORM)) {
        // With CodeMirror on, the textarea is a hidden copy: the user's editor is CodeMirror's.
        return el.closest(FORM)!.querySelector<HTMLElement>(CODEMIRROR) ?? (el as HTMLElement);
      }
      if (el.matches(CODEMIRROR) && el.closest(FORM)) return el as HTMLElement;
      if (el.matches(VE_DOC)) return el as HTMLElement;
      if (el instanceof HTMLTextAreaElement && el.closest(REPLY)) return el;
    }
    return null;
  },
  surfaceOf: () => 'wiki-edit',
  submitControlFrom(path) {
    for (const el of elementsOf(path)) {
      if (el.matches(NOT_PUBLISH)) return null;
      if (el.matches('#wpSave, [name="wpSave"]') && el.closest(FORM)) return el as HTMLElement;
      if (!isButtonLike(el)) continue;
      const scope = el.closest(PUBLISH_SCOPE);
      if (!scope) continue;
      // VE's save dialog and the reply tool mark their publish action as the primary one.
      if (!scope.matches(FORM) && el.closest('.oo-ui-processDialog-actions-primary, .oo-ui-flaggedElement-primary')) return el;
      if (PUBLISH.has(controlValue(el))) return el;
    }
    return null;
  },
  isKeyboardSubmit: (e, editor) => !!editor.closest(REPLY) && ctrlEnter(e),
  ignoresSubmit: (submitter) => submitter.matches(NOT_PUBLISH),
};
