// The sensitive-word filter: one Aho–Corasick automaton over a word list, matching in a single pass however
// long the list. Text is folded before matching (NFKC turns full-width letters and digits into their
// half-width forms, then lower case) and separators between characters are skipped, so "Ｃａｓｉｎｏ",
// "C-a-s-i-n-o" and "加 微 信" are caught like "casino" and "加微信". Matches map back to the original
// characters, so masking keeps the rest of the text exactly as written.
//
// Pure and synchronous: the word list itself (built-in defaults plus the admins' list) is loaded by callers.

export interface WordMatch {
  /** The listed word, as folded. */
  word: string;
  /** Where the match starts and ends (exclusive) in the original text, in UTF-16 code units. */
  start: number;
  end: number;
}

export interface SensitiveWordMatcher {
  /** Every listed word in the text, leftmost first; overlapping matches are all reported. */
  find(text: string): WordMatch[];
  /** Whether any listed word occurs. */
  test(text: string): boolean;
  /** The text with every matched character replaced by `mask`. */
  mask(text: string, mask?: string): string;
  readonly size: number;
}

/** Characters skipped while matching: whitespace, punctuation and symbols people put between letters. */
const SEPARATOR = /[\s\p{P}\p{S}\u200b-\u200d\ufeff]/u;

/** Folds one character (a code point) the way both the word list and the text are folded. */
function foldChar(ch: string): string {
  return ch.normalize("NFKC").toLowerCase();
}

/** Folds a listed word: the same folding, with its separators removed. */
export function foldWord(word: string): string {
  let out = "";
  for (const ch of word) if (!SEPARATOR.test(ch)) out += foldChar(ch);
  return out;
}

interface Node {
  next: Map<string, number>;
  fail: number;
  /** Lengths (in folded characters) of the words that end here, including through fail links. */
  outputs: string[];
}

export function compileSensitiveWords(words: Iterable<string>): SensitiveWordMatcher {
  const nodes: Node[] = [{ next: new Map(), fail: 0, outputs: [] }];
  const unique = new Set<string>();
  for (const raw of words) {
    const word = foldWord(raw);
    if (word) unique.add(word);
  }
  for (const word of unique) {
    let at = 0;
    for (const ch of word) {
      let to = nodes[at]!.next.get(ch);
      if (to === undefined) {
        to = nodes.push({ next: new Map(), fail: 0, outputs: [] }) - 1;
        nodes[at]!.next.set(ch, to);
      }
      at = to;
    }
    nodes[at]!.outputs.push(word);
  }
  // Breadth-first: each node's fail link is the longest proper suffix that is also a path from the root.
  const queue: number[] = [...nodes[0]!.next.values()];
  for (let i = 0; i < queue.length; i++) {
    const at = queue[i]!;
    for (const [ch, to] of nodes[at]!.next) {
      let f = nodes[at]!.fail;
      while (f !== 0 && !nodes[f]!.next.has(ch)) f = nodes[f]!.fail;
      const target = nodes[f]!.next.get(ch);
      nodes[to]!.fail = target !== undefined && target !== to ? target : 0;
      nodes[to]!.outputs.push(...nodes[nodes[to]!.fail]!.outputs);
      queue.push(to);
    }
  }

  function find(text: string): WordMatch[] {
    const found: WordMatch[] = [];
    if (unique.size === 0) return found;
    // Start offsets (in the original text) of the folded characters seen so far, to map matches back.
    const starts: number[] = [];
    let state = 0;
    let offset = 0;
    for (const ch of text) {
      const here = offset;
      offset += ch.length;
      if (SEPARATOR.test(ch)) continue;
      // One original character may fold to several (ﬁ → fi); each folded character points back to it.
      for (const f of foldChar(ch)) {
        starts.push(here);
        while (state !== 0 && !nodes[state]!.next.has(f)) state = nodes[state]!.fail;
        state = nodes[state]!.next.get(f) ?? 0;
        for (const word of nodes[state]!.outputs) {
          const length = [...word].length;
          found.push({ word, start: starts[starts.length - length]!, end: offset });
        }
      }
    }
    return found.sort((a, b) => a.start - b.start || b.end - a.end);
  }

  return {
    find,
    test: (text) => find(text).length > 0,
    mask(text, mask = "*") {
      const matches = find(text);
      if (matches.length === 0) return text;
      const hidden = new Uint8Array(text.length);
      for (const m of matches) hidden.fill(1, m.start, m.end);
      let out = "";
      let offset = 0;
      for (const ch of text) {
        // Separators inside a match stay as written; only the word's own characters are hidden.
        out += hidden[offset] && !SEPARATOR.test(ch) ? mask : ch;
        offset += ch.length;
      }
      return out;
    },
    size: unique.size,
  };
}
