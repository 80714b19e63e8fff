// Highlighted matches as safe parts: [{ text, hit }]. The UI renders each part as text (React escapes it), so
// a course title can never inject markup through a highlight. Pure: no server imports.

export interface HighlightPart {
  text: string;
  hit: boolean;
}

export interface HighlightTerm {
  word: string;
  prefix: boolean;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const LATIN = /^[a-z0-9_]/i;

/** A pattern that finds any of the terms, case-insensitively; Latin words only at word boundaries. */
function pattern(terms: HighlightTerm[]): RegExp | null {
  const alternatives = [...terms]
    .filter((t) => t.word.length > 0)
    .sort((a, b) => b.word.length - a.word.length)
    .map((t) => {
      const body = escapeRegExp(t.word);
      if (!LATIN.test(t.word)) return body;
      return `(?<![a-z0-9_])${body}${t.prefix ? "" : "(?![a-z0-9_])"}`;
    });
  return alternatives.length ? new RegExp(alternatives.join("|"), "giu") : null;
}

export function highlight(text: string, terms: HighlightTerm[]): HighlightPart[] {
  const re = pattern(terms);
  if (!re || !text) return text ? [{ text, hit: false }] : [];
  const parts: HighlightPart[] = [];
  let last = 0;
  for (const match of text.matchAll(re)) {
    const start = match.index;
    if (match[0].length === 0) continue;
    if (start > last) parts.push({ text: text.slice(last, start), hit: false });
    const previous = parts[parts.length - 1];
    // Adjacent hits (机器 + 学习) read as one highlighted run.
    if (previous?.hit && start === last) previous.text += match[0];
    else parts.push({ text: match[0], hit: true });
    last = start + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), hit: false });
  return parts;
}

/** A window of about `length` characters around the first hit, highlighted, with ellipses where cut. */
export function snippet(text: string, terms: HighlightTerm[], length = 120): HighlightPart[] {
  const re = pattern(terms);
  const first = re ? text.search(re) : -1;
  if (text.length <= length) return highlight(text, terms);
  const start = first < 0 ? 0 : Math.max(0, Math.min(first - Math.floor(length / 3), text.length - length));
  const window = text.slice(start, start + length);
  const parts = highlight(window, terms);
  if (start > 0) parts.unshift({ text: "…", hit: false });
  if (start + length < text.length) parts.push({ text: "…", hit: false });
  return parts;
}

/** The parts as HTML, every character of the text escaped, hits wrapped in <mark>. */
export function highlightToHtml(parts: HighlightPart[]): string {
  const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return parts.map((p) => (p.hit ? `<mark>${escape(p.text)}</mark>` : escape(p.text))).join("");
}
