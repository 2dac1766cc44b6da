/**
 * Reads what the user wrote from an editor's DOM, with a map back to DOM positions so warnings can
 * be drawn as overlays over the exact words (we never put markup inside the editor: Lexical,
 * Draft.js, ProseMirror and Quill revert or break on foreign DOM edits, sites.md §14.1).
 *
 * Works for Lexical (p > span[data-lexical-text] > #text), Draft.js ([data-block] > … >
 * span[data-text] > #text), ProseMirror, Quill and plain contenteditable: blocks become line
 * breaks, <br> becomes a line break, emoji images contribute their alt text.
 * Untrusted side (content script): reads only the page's own text.
 */

export interface TextSegment {
  node: Text;
  /** Offset of node.data[0] in the read text. */
  start: number;
}

export interface ReadText {
  text: string;
  segments: TextSegment[];
}

const BLOCK = new Set([
  'P', 'DIV', 'LI', 'UL', 'OL', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'PRE', 'TR', 'SECTION',
  'ARTICLE',
]);

export function isTextControl(el: Element): el is HTMLTextAreaElement | HTMLInputElement {
  return el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement;
}

export function readEditor(root: Element): ReadText {
  if (isTextControl(root)) return { text: root.value, segments: [] };
  let text = '';
  const segments: TextSegment[] = [];
  const walk = (node: Node): void => {
    if (node.nodeType === Node.TEXT_NODE) {
      const data = (node as Text).data;
      if (data.length) {
        segments.push({ node: node as Text, start: text.length });
        text += data;
      }
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    const el = node as Element;
    // Placeholders and widgets are the site's, not the user's words. The editor root itself may
    // carry data-placeholder (Quill's .ql-editor on LinkedIn): its children are still the text.
    if (el !== root && (el.getAttribute('aria-hidden') === 'true' || el.hasAttribute('data-placeholder'))) return;
    if (el.tagName === 'BR') {
      text += '\n';
      return;
    }
    if (el.tagName === 'IMG') {
      text += (el as HTMLImageElement).alt ?? '';
      return;
    }
    const block = BLOCK.has(el.tagName) && el !== root;
    if (block && text.length && !text.endsWith('\n')) text += '\n';
    for (let c = el.firstChild; c; c = c.nextSibling) walk(c);
    if (block && text.length && !text.endsWith('\n')) text += '\n';
  };
  walk(root);
  return { text: text.replace(/\n+$/, ''), segments };
}

/** DOM position of a text offset, or null when the offset falls outside any text node. */
export function positionAt(read: ReadText, offset: number, preferEnd = false): { node: Text; offset: number } | null {
  const segs = read.segments;
  let lo = 0;
  let hi = segs.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (segs[mid]!.start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (found < 0) return null;
  let seg = segs[found]!;
  // An end offset exactly at a segment boundary belongs to the previous segment.
  if (preferEnd && seg.start === offset && found > 0) seg = segs[found - 1]!;
  const within = offset - seg.start;
  if (within > seg.node.data.length) return null;
  return { node: seg.node, offset: within };
}

export function rangeFor(read: ReadText, start: number, end: number, doc: Document): Range | null {
  const a = positionAt(read, start);
  const b = positionAt(read, end, true);
  if (!a || !b) return null;
  const range = doc.createRange();
  try {
    range.setStart(a.node, a.offset);
    range.setEnd(b.node, b.offset);
  } catch {
    return null;
  }
  return range;
}
