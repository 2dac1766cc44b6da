/**
 * What the site adapters share for social actions: the per-language label tables of friend /
 * follow / connect / accept controls, and readers that say who the other person is from what the
 * page shows (a control's own label, the card around it, a conversation header, a profile header).
 * No rule logic: the background decides whether the person is on the class list. Untrusted side
 * (content script); functions take elements, so DOM tests pass fixture documents.
 *
 * Labels are matched whole, lower-cased, in en, cy, fr, es, de, pl (sites.md §2.4, §15.7). Labels
 * that embed the person ("Invite Evie Carter to connect", "Follow @evie") are read with fixed,
 * project-written patterns per language — never a pattern from a page or a pack.
 */
import type { PersonRef, SocialAction } from '../rules/person-match';
import { labelOf, labelSet, type LabelTable } from './generic';
import { elementsOf } from './types';

/** A social action on a click path: which one, the site's control, and who it concerns. */
export interface SocialHit {
  action: SocialAction;
  control: HTMLElement;
  person?: PersonRef;
}

/** Follow (and follow back) in en, cy, fr, es, de, pl. */
export const FOLLOW_LABELS: LabelTable = {
  en: ['follow', 'follow back'],
  cy: ['dilyn', 'dilyn yn ôl'],
  fr: ['suivre', 'suivre en retour'],
  es: ['seguir', 'seguir también'],
  de: ['folgen', 'zurückfolgen'],
  pl: ['obserwuj', 'obserwuj również'],
};

/** Accepting someone's request: Facebook Confirm, Instagram Confirm, X Accept, Mastodon Authorise. */
export const ACCEPT_LABELS: LabelTable = {
  en: ['confirm', 'confirm request', 'accept', 'approve', 'authorize', 'authorise', 'allow'],
  cy: ['cadarnhau', 'cadarnhau cais', 'derbyn', 'cymeradwyo', 'awdurdodi', 'caniatáu'],
  fr: ['confirmer', 'confirmer la demande', 'accepter', 'approuver', 'autoriser'],
  es: ['confirmar', 'confirmar solicitud', 'aceptar', 'aprobar', 'autorizar'],
  de: ['bestätigen', 'anfrage bestätigen', 'annehmen', 'akzeptieren', 'genehmigen', 'autorisieren'],
  pl: ['potwierdź', 'potwierdź zaproszenie', 'akceptuj', 'zaakceptuj', 'zatwierdź', 'autoryzuj'],
};

/** Sending a friend / connection request (Facebook Add friend, LinkedIn Connect). */
export const ADD_FRIEND_LABELS: LabelTable = {
  en: ['add friend', 'add as friend', 'connect'],
  cy: ['ychwanegu ffrind', 'ychwanegu fel ffrind', 'cysylltu'],
  fr: ['ajouter', 'ajouter en ami(e)', 'ajouter comme ami', 'se connecter'],
  es: ['añadir a amigos', 'agregar a amigos', 'conectar'],
  de: ['als freund/in hinzufügen', 'freund hinzufügen', 'vernetzen'],
  pl: ['dodaj znajomego', 'dodaj do znajomych', 'nawiąż kontakt', 'połącz'],
};

/** A skill endorsement (LinkedIn): the label is "Endorse" or "Endorse {skill}". */
export const ENDORSE_PREFIXES: LabelTable = {
  en: ['endorse'],
  cy: ['cymeradwyo sgil', 'ardystio'],
  fr: ['recommander'],
  es: ['validar', 'recomendar'],
  de: ['bestätigen sie', 'empfehlen'],
  pl: ['poleć', 'potwierdź umiejętność'],
};

export const FOLLOW = labelSet(FOLLOW_LABELS);
export const ACCEPT = labelSet(ACCEPT_LABELS);
export const ADD_FRIEND = labelSet(ADD_FRIEND_LABELS);
const ENDORSE = [...labelSet(ENDORSE_PREFIXES)];

/** Does this label start an endorsement ("endorse", "endorse teaching")? */
export function isEndorseLabel(label: string): boolean {
  return ENDORSE.some((p) => label === p || label.startsWith(p + ' '));
}

/**
 * Labels with the person in them, per language (sites.md §5.2, §3.4, §15.7). The name is the one
 * capture group. [I] marks wordings inferred from the site's own translations, not captured live.
 */
const INVITE_TO_CONNECT: readonly RegExp[] = [
  /^invite (.+) to connect$/i, // en [V]
  /^gwahodd (.+) i gysylltu$/i, // cy [I]
  /^inviter (.+) à se connecter$/i, // fr [I]
  /^invitar a (.+) a conectar$/i, // es [I]
  /^(.+) als kontakt einladen$/i, // de [V]
  /^zaproś (.+) do (?:nawiązania kontaktu|sieci kontaktów)$/i, // pl [I]
];
const ACCEPT_INVITATION: readonly RegExp[] = [
  /^accept (.+?)[’']s invitation$/i, // en [V]
  /^derbyn gwahoddiad (.+)$/i, // cy [I]
  /^accepter l[’']invitation de (.+)$/i, // fr [I]
  /^aceptar la invitación de (.+)$/i, // es [I]
  /^einladung von (.+) annehmen$/i, // de [I]
  /^(?:zaakceptuj|akceptuj) zaproszenie od (?:użytkownika )?(.+)$/i, // pl [I]
];
const FOLLOW_SOMEONE: readonly RegExp[] = [
  /^follow (.+)$/i, // en [V]: X "Follow @handle", Bluesky "Follow {name}"
  /^dilyn (.+)$/i, // cy
  /^suivre (.+)$/i, // fr
  /^seguir a (.+)$/i, // es
  /^(.+) folgen$/i, // de
  /^obserwuj (.+)$/i, // pl
];
/** A conversation's container label: "Conversation with Evie Carter" (Messenger, Instagram). */
const CONVERSATION_WITH: readonly RegExp[] = [
  /^(?:messages in )?conversation (?:with|titled) (.+)$/i,
  /^sgwrs (?:gyda|â) (.+)$/i,
  /^conversation avec (.+)$/i,
  /^conversación con (.+)$/i,
  /^unterhaltung mit (.+)$/i,
  /^(?:rozmowa|konwersacja) z (.+)$/i,
];

function firstCapture(patterns: readonly RegExp[], label: string): string | null {
  for (const p of patterns) {
    const m = p.exec(label);
    if (m?.[1]) return m[1].trim();
  }
  return null;
}

/** The label as the page wrote it (case kept, spaces collapsed): names keep their capitals. */
export function rawLabel(el: Element): string {
  return (el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export const inviteName = (label: string) => firstCapture(INVITE_TO_CONNECT, label);
export const acceptName = (label: string) => firstCapture(ACCEPT_INVITATION, label);
export const followTarget = (label: string) => firstCapture(FOLLOW_SOMEONE, label);
export const conversationName = (label: string) => firstCapture(CONVERSATION_WITH, label);

/** "Evie Carter" → displayName; "@evie_carter" or "evie.carter" (one token) → handle. */
export function personFromText(s: string): PersonRef | null {
  const t = s.replace(/\s+/g, ' ').trim().slice(0, 200);
  if (!t) return null;
  if (/^@?[\p{L}\p{N}._-]+(?:@[\w.-]+)?$/u.test(t) && (t.startsWith('@') || !/^\p{Lu}\p{Ll}+$/u.test(t))) {
    return { handle: t.slice(0, 100) };
  }
  return { displayName: t };
}

/**
 * The handle in a profile link: "/evie.carter", "/@evie@school.social", "/in/evie-carter-12/",
 * "/profile/evie.bsky.social", "https://x.com/evie_carter". Null for links that are not a profile
 * (Facebook's profile.php?id=…, a post, a hashtag).
 */
export function handleFromHref(href: string, base: string): string | null {
  let u: URL;
  try {
    u = new URL(href, base);
  } catch {
    return null;
  }
  const parts = u.pathname.split('/').filter(Boolean);
  if (parts.length === 0) return null;
  let h: string | undefined;
  if ((parts[0] === 'in' || parts[0] === 'profile') && parts.length >= 2) h = parts[1];
  else if (parts.length === 1) h = parts[0];
  if (!h) return null;
  h = decodeURIComponent(h);
  if (h.endsWith('.php') || !/^@?[\p{L}\p{N}._-]+(?:@[\w.-]+)?$/u.test(h) || h.length > 100) return null;
  return h;
}

/** Merge two partial readings of the same person (first wins per field). */
export function mergePerson(...refs: (PersonRef | null | undefined)[]): PersonRef | undefined {
  const out: PersonRef = {};
  for (const r of refs) {
    if (!r) continue;
    if (r.displayName && !out.displayName) out.displayName = r.displayName;
    if (r.handle && !out.handle) out.handle = r.handle;
  }
  return out.displayName || out.handle ? out : undefined;
}

/**
 * Who a card (a request row, a user cell, a suggestion) is about: its first profile link's handle,
 * and as display name an avatar's aria-label / alt or the link's own text.
 */
export function personInCard(card: Element, linkSelector = 'a[href]'): PersonRef | undefined {
  const doc = card.ownerDocument;
  const base = doc.location?.href ?? 'https://invalid.example/';
  let handle: string | null = null;
  let name: string | null = null;
  for (const a of card.querySelectorAll<HTMLAnchorElement>(linkSelector)) {
    handle ??= handleFromHref(a.getAttribute('href') ?? '', base);
    const avatar = a.querySelector('svg[aria-label], img[alt]');
    const avatarName = avatar?.getAttribute('aria-label') ?? avatar?.getAttribute('alt') ?? '';
    const text = (a.textContent ?? '').replace(/\s+/g, ' ').trim();
    name ??= text || avatarName || null;
    if (handle && name) break;
  }
  const fromName = name ? personFromText(name) : null;
  return mergePerson(fromName, handle ? { handle } : null);
}

/** The first button-like element on the path whose whole label is in `labels`. */
export function labelledButtonFrom(path: readonly EventTarget[], labels: ReadonlySet<string>): HTMLElement | null {
  for (const el of elementsOf(path)) {
    const buttonish = el instanceof HTMLButtonElement || el.getAttribute('role') === 'button' || (el instanceof HTMLAnchorElement && el.getAttribute('role') === 'button');
    if (buttonish && labels.has(labelOf(el))) return el as HTMLElement;
  }
  return null;
}

/** The recipient of a private-message composer from a "Conversation with …" label around it. */
export function recipientFromConversationLabel(editor: Element): PersonRef | null {
  for (let el: Element | null = editor; el; el = el.parentElement) {
    const label = el.getAttribute('aria-label');
    if (!label) continue;
    const who = conversationName(label.replace(/\s+/g, ' ').trim());
    if (who) return personFromText(who);
  }
  return null;
}

// ---- profile fields, save buttons, recommendation forms -----------------------------------------

/** Field labels that make an input a profile field (workplace, headline, bio…), matched whole. */
export const PROFILE_FIELD_LABELS: LabelTable = {
  en: ['workplace', 'company', 'company name', 'position', 'job title', 'title', 'headline', 'bio', 'about', 'describe who you are', 'intro', 'occupation', 'employer', 'current position', 'description', 'industry'],
  cy: ['gweithle', 'cwmni', 'enw’r cwmni', "enw'r cwmni", 'swydd', 'teitl', 'teitl swydd', 'pennawd', 'bywgraffiad', 'amdanoch chi', 'disgrifiad', 'cyflogwr'],
  fr: ['lieu de travail', 'entreprise', 'nom de l’entreprise', 'poste', 'intitulé du poste', 'titre', 'titre du profil', 'bio', 'biographie', 'à propos', 'description', 'employeur'],
  es: ['lugar de trabajo', 'empresa', 'nombre de la empresa', 'cargo', 'puesto', 'título', 'titular', 'biografía', 'presentación', 'descripción', 'acerca de'],
  de: ['arbeitsstelle', 'arbeitgeber', 'unternehmen', 'unternehmensname', 'position', 'berufsbezeichnung', 'titel', 'überschrift', 'bio', 'info', 'beschreibung', 'über mich'],
  pl: ['miejsce pracy', 'firma', 'nazwa firmy', 'stanowisko', 'tytuł', 'nagłówek', 'bio', 'informacje', 'o mnie', 'opis', 'pracodawca'],
};
export const PROFILE_FIELDS = labelSet(PROFILE_FIELD_LABELS);

/** Save / Done buttons of a profile or recommendation form. */
export const SAVE_LABELS: LabelTable = {
  en: ['save', 'done', 'submit', 'update', 'save changes', 'send'],
  cy: ['cadw', 'gorffen', 'cyflwyno', 'diweddaru', 'anfon'],
  fr: ['enregistrer', 'terminé', 'envoyer', 'mettre à jour'],
  es: ['guardar', 'listo', 'enviar', 'actualizar'],
  de: ['speichern', 'fertig', 'senden', 'aktualisieren'],
  pl: ['zapisz', 'gotowe', 'wyślij', 'aktualizuj'],
};
export const SAVE = labelSet(SAVE_LABELS);

/** Labels of a recommendation / reference text field or its form. */
export const RECOMMENDATION_LABELS: LabelTable = {
  en: ['recommendation', 'write a recommendation', 'write recommendation', 'reference'],
  cy: ['argymhelliad', 'ysgrifennu argymhelliad', 'geirda'],
  fr: ['recommandation', 'rédiger une recommandation'],
  es: ['recomendación', 'escribir una recomendación'],
  de: ['empfehlung', 'empfehlung schreiben'],
  pl: ['rekomendacja', 'napisz rekomendację', 'polecenie'],
};
export const RECOMMENDATION = labelSet(RECOMMENDATION_LABELS);

/** A field's own label: aria-label, placeholder, <label for>, a wrapping <label>, lower-cased. */
export function fieldLabel(field: Element): string {
  const doc = field.ownerDocument;
  let raw = field.getAttribute('aria-label') ?? field.getAttribute('aria-placeholder') ?? field.getAttribute('placeholder');
  const labelledBy = field.getAttribute('aria-labelledby');
  if (!raw && labelledBy) raw = labelledBy.split(/\s+/).map((id) => doc.getElementById(id)?.textContent ?? '').join(' ');
  if (!raw && field.id) raw = doc.querySelector(`label[for="${CSS.escape(field.id)}"]`)?.textContent ?? null;
  if (!raw) raw = field.closest('label')?.textContent ?? '';
  // "Headline*", "Bio (optional)", "Company name:" — the words are what count.
  return raw.replace(/\(.*?\)|[*:…]+|\.\.\./g, ' ').replace(/\s+/g, ' ').trim().toLowerCase();
}

export function isProfileField(field: Element): boolean {
  return PROFILE_FIELDS.has(fieldLabel(field));
}

export function isRecommendationField(field: Element): boolean {
  if (RECOMMENDATION.has(fieldLabel(field))) return true;
  const form = field.closest('form, [role="dialog"]');
  const formLabel = form ? (form.getAttribute('aria-label') ?? '').replace(/\s+/g, ' ').trim().toLowerCase() : '';
  return !!formLabel && (RECOMMENDATION.has(formLabel) || /^(recommend|write a recommendation for) /.test(formLabel));
}

/**
 * A Save / Done button of a form or dialog that holds a profile or recommendation field, so every
 * field of the form is checked before it goes (the controller checks them all).
 */
export function profileSaveFrom(path: readonly EventTarget[], isField: (el: Element) => boolean): HTMLElement | null {
  for (const el of elementsOf(path)) {
    const buttonish = el instanceof HTMLButtonElement || el.getAttribute('role') === 'button' || (el instanceof HTMLInputElement && el.type === 'submit');
    if (!buttonish || !SAVE.has(labelOf(el) || (el as HTMLInputElement).value?.toLowerCase?.() || '')) continue;
    const scope = el.closest('form, [role="dialog"]');
    if (!scope) continue;
    for (const f of scope.querySelectorAll('textarea, input, [contenteditable="true"], [contenteditable=""]')) {
      if (isField(f)) return el as HTMLElement;
    }
  }
  return null;
}

/** The person a profile page is about: its main heading and the handle in the URL. */
export function profilePagePerson(doc: Document, headingSelector = 'h1', handleFromPath?: string | null): PersonRef | undefined {
  const h = doc.querySelector(headingSelector);
  const name = h ? (h.textContent ?? '').replace(/\s+/g, ' ').trim() : '';
  const handle = handleFromPath ?? handleFromHref(doc.location?.pathname ?? '', doc.location?.href ?? 'https://invalid.example/');
  return mergePerson(name ? { displayName: name } : null, handle ? { handle } : null);
}

/**
 * The nearest ancestor (at most `maxUp` levels up) that holds a profile link, read as a card:
 * follower lists and request rows without stable hooks (Instagram, Threads) are an avatar link
 * and a name next to the button.
 */
export function nearestCardPerson(el: Element, maxUp = 6): PersonRef | undefined {
  let node: Element | null = el.parentElement;
  for (let i = 0; node && i < maxUp; i++, node = node.parentElement) {
    if (node.matches('body, main, [role="main"], [role="dialog"], header, section')) break;
    const base = node.ownerDocument.location?.href ?? 'https://invalid.example/';
    const links = [...node.querySelectorAll('a[href]')];
    if (links.some((a) => handleFromHref(a.getAttribute('href') ?? '', base))) return personInCard(node);
  }
  return undefined;
}

/**
 * A plain text field (never a rich composer) whose label makes it a profile field: the bio of the
 * edit-profile forms on sites with no employer field (Bluesky, TikTok, Threads), sites.md §6–§8.
 */
export function isPlainProfileField(el: Element): boolean {
  return (el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement) && isProfileField(el);
}
