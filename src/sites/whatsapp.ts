/**
 * WhatsApp Web (web.whatsapp.com). The message box is a Lexical editor in `#main footer`
 * (`[data-tab="10"]`); Enter sends, Shift+Enter is a new line. Send is a button with a localised
 * aria-label and a send icon (`span[data-icon="wds-ic-send-filled"]`, older `send`); the media
 * dialog has its own caption box and Send (sites.md §12). The chat search box (`[data-tab="3"]`) is
 * not something the user sends, so it is never checked.
 *
 * Fixtures: test/fixtures/sites/src/whatsapp.tsx (chat, media caption dialog in French).
 */
import type { SiteAdapter } from './types';
import { elementsOf } from './types';
import { genericEditorFrom, genericSubmitFrom, isButton, labelOf, labelSet, plainEnter, type LabelTable } from './generic';

export const WHATSAPP_EDITOR_HOOKS =
  '[data-lexical-editor="true"], #main footer [contenteditable="true"], [data-testid="conversation-compose-box-input"]';

const SEND_ICONS = '[data-icon="wds-ic-send-filled"], [data-icon="send"], [data-testid="send"], [data-testid="compose-btn-send"]';

/** aria-label of the Send button. */
export const WHATSAPP_SEND_LABELS: LabelTable = {
  en: ['send'],
  cy: ['anfon'],
  fr: ['envoyer'],
  es: ['enviar'],
  de: ['senden'],
  pl: ['wyślij'],
};
const SEND = labelSet(WHATSAPP_SEND_LABELS);

function isSearch(el: Element): boolean {
  return el.getAttribute('data-tab') === '3' || !!el.closest('[role="search"], #side');
}

export const whatsapp: SiteAdapter = {
  id: 'whatsapp',
  origins: ['https://web.whatsapp.com'],
  editorFrom(path) {
    for (const el of elementsOf(path)) {
      if (el.getAttribute('contenteditable') === 'true' && isSearch(el)) return null;
      if (el.matches(WHATSAPP_EDITOR_HOOKS)) return el as HTMLElement;
    }
    return genericEditorFrom(path);
  },
  surfaceOf: () => 'message',
  submitControlFrom(path) {
    for (const el of elementsOf(path)) {
      if (!isButton(el)) continue;
      if (SEND.has(labelOf(el)) || el.querySelector(SEND_ICONS)) return el;
    }
    return genericSubmitFrom(path);
  },
  isKeyboardSubmit: (e) => plainEnter(e),
};
