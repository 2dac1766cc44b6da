/**
 * Every sentence the user reads comes from the catalogue: this scan parses each .ts/.tsx file under
 * src/ui and src/content (tests excluded) with the TypeScript compiler and fails on
 *  - JSX text with a letter in it (text between tags is always for the user), and
 *  - a string or template literal that reads as English words (two words of two or more letters,
 *    or a word ending a sentence), unless it is markup plumbing: a class, id, `for`, type, accept or
 *    similar attribute, a CSS block, a CSS selector given to querySelector/matches/closest, an
 *    import path, or the key given to t().
 * What must stay literal is listed in ALLOWED below with the reason; the list is checked too, so an
 * entry that no longer matches anything has to go.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOTS = ['src/ui', 'src/content'];

/** file → literal texts allowed there, each with why. */
const ALLOWED: Record<string, Record<string, string>> = {
  'src/ui/options/App.tsx': {
    // Stored data, not interface text: reloading the demo finds the old demo list by this name.
    'Demo: Holbrook classes': 'the demo list’s stored name',
  },
};

/** Attributes whose values are markup plumbing, never read by the user. */
const PLUMBING_ATTRS = new Set([
  'class', 'className', 'id', 'for', 'htmlFor', 'type', 'accept', 'inputMode', 'autoComplete', 'role', 'rel', 'key',
  'lang', 'name', 'value', 'src', 'href', 'aria-labelledby', 'aria-describedby', 'aria-live', 'aria-modal', 'data-testid',
]);
/** Callees whose string arguments are selectors, keys or paths, not text. */
const PLUMBING_CALLS = new Set([
  'querySelector', 'querySelectorAll', 'matches', 'closest', 'createElement', 'addEventListener', 'removeEventListener',
  'getAttribute', 'setAttribute', 'hasAttribute', 'removeAttribute', 't', 'import', 'require',
]);
/** Constants holding CSS (the warning's closed shadow root, the host's inline style). */
const CSS_CONSTANTS = new Set(['PANEL_CSS', 'WARNING_CSS', 'ACTION_WARNING_CSS', 'IMAGE_CSS', 'HOST_STYLE']);
/** Constants holding a CSS selector list (handed to querySelector later). */
const SELECTOR_CONSTANTS = new Set(['EDITOR_CANDIDATES']);

/** Attributes people read; their bare strings are reported once, by the attribute check. */
const PROSE_ATTRS = new Set(['aria-label', 'alt', 'title', 'placeholder']);

const WORDS = /[A-Za-z]{2,}[ ,;:]+[A-Za-z]{2,}/;
const SENTENCE_END = /[A-Za-z]{2,}[.!?…]$/;

export interface Finding {
  file: string;
  line: number;
  text: string;
}

function looksLikeProse(text: string): boolean {
  const s = text.trim();
  return WORDS.test(s) || SENTENCE_END.test(s);
}

function isPlumbing(node: ts.Node): boolean {
  for (let p: ts.Node | undefined = node.parent; p; p = p.parent) {
    if (ts.isJsxAttribute(p)) return PLUMBING_ATTRS.has(p.name.getText()) || (PROSE_ATTRS.has(p.name.getText()) && p.initializer === node);
    if (ts.isImportDeclaration(p) || ts.isExportDeclaration(p) || ts.isImportTypeNode(p)) return true;
    if (ts.isVariableDeclaration(p) && ts.isIdentifier(p.name) && (CSS_CONSTANTS.has(p.name.text) || SELECTOR_CONSTANTS.has(p.name.text))) return true;
    // An Error's message is for developers: the code that catches it words what the user reads.
    if (ts.isNewExpression(p) && ts.isIdentifier(p.expression) && p.expression.text === 'Error') return true;
    if (ts.isCallExpression(p)) {
      const callee = p.expression;
      const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : '';
      if (PLUMBING_CALLS.has(name) && p.arguments.some((a) => a === node || a.pos <= node.pos && node.end <= a.end)) return true;
      return false;
    }
    // Object keys ({ 'pupil-name': … }) and element access (x['y']) are names.
    if (ts.isPropertyAssignment(p) && p.name === node) return true;
    if (ts.isElementAccessExpression(p) && p.argumentExpression === node) return true;
    // Comparisons with a literal (mode === 'closed') compare names, not text.
    if (ts.isBinaryExpression(p) && [ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken].includes(p.operatorToken.kind)) return true;
    if (ts.isStatement(p)) return false;
  }
  return false;
}

/** Literal English the user could read in `source` (exported for the self-test). */
export function scanSource(file: string, source: string): Finding[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out: Finding[] = [];
  const report = (node: ts.Node, text: string) => {
    out.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: text.trim() });
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) {
      if (/\p{L}/u.test(node.text)) report(node, node.text);
    } else if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      if (looksLikeProse(node.text) && !isPlumbing(node)) report(node, node.text);
    } else if (ts.isTemplateExpression(node)) {
      const parts = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ');
      if (looksLikeProse(parts) && !isPlumbing(node)) report(node, parts);
    }
    // JSX attributes read by people (aria-label, alt, title, placeholder) with a bare string.
    if (ts.isJsxAttribute(node) && node.initializer && ts.isStringLiteral(node.initializer)) {
      const name = node.name.getText();
      if (PROSE_ATTRS.has(name) && /\p{L}/u.test(node.initializer.text)) report(node, node.initializer.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

describe('no literal English outside the catalogue', () => {
  const files = ROOTS.flatMap(sourceFiles);

  it('finds the files it should scan', () => {
    expect(files).toEqual(expect.arrayContaining(['src/ui/Warning.tsx', 'src/ui/options/App.tsx', 'src/content/controller.ts']));
  });

  it.each(files)('%s', (file) => {
    const allowed = ALLOWED[file] ?? {};
    const found = scanSource(file, readFileSync(file, 'utf8')).filter((f) => !(f.text in allowed));
    expect(found.map((f) => `${f.file}:${f.line} ${JSON.stringify(f.text)}`)).toEqual([]);
  });

  it('every allow-list entry is still needed', () => {
    for (const [file, texts] of Object.entries(ALLOWED)) {
      const found = new Set(scanSource(file, readFileSync(file, 'utf8')).map((f) => f.text));
      for (const text of Object.keys(texts)) expect(found.has(text), `${file}: ${text}`).toBe(true);
    }
  });
});

describe('the scan itself', () => {
  it.each([
    ['jsx text', `const a = <button>Post anyway</button>;`, ['Post anyway']],
    ['one jsx word', `const a = <span>Cancel</span>;`, ['Cancel']],
    ['a sentence in a string', `setMsg('Saved.');`, ['Saved.']],
    ['words in a template', 'setMsg(`Imported ${n} people from ${f}.`);', ['Imported   people from  .']],
    ['an aria-label', `const a = <div aria-label="Working days" />;`, ['Working days']],
    ['an alt text', `const a = <img alt="Logo" />;`, ['Logo']],
    ['a prose attribute built from a template', 'const a = <img alt={`${n} (stored copy)`} />;', ['(stored copy)']],
  ])('finds %s', (_name, src, want) => {
    expect(scanSource('x.tsx', src).map((f) => f.text)).toEqual(want);
  });

  it.each([
    ['class names', `const a = <div class="row template-row" />;`],
    ['a key for t()', `const a = t('warning.edit.post');`],
    ['a selector', `el.querySelectorAll('[contenteditable="true"], [role="textbox"], textarea');`],
    ['an import', `import { t } from '../../i18n';`],
    ['a comparison', `if (mode === 'closed') x();`],
    ['css', 'const WARNING_CSS = `:host { all: initial; } .panel { font: 14px system-ui }`;'],
    ['an Error for developers', `throw new Error('no PNG at all');`],
    ['jsx expressions only', `const a = <p>{t('try.none')}</p>;`],
  ])('passes %s', (_name, src) => {
    expect(scanSource('x.tsx', src)).toEqual([]);
  });
});
