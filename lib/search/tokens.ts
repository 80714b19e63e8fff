// Words for the full-text index: text is normalised (NFKC, lower case), segmented with jieba (Chinese has no
// spaces; English words come through whole), and every word is stored as "xf" + word. The prefix keeps each
// word at least three characters long and off MariaDB's and MySQL's stopword lists, so the server's default
// FULLTEXT settings (innodb_ft_min_token_size = 3, the default stopwords) never drop a two-character Chinese
// word such as 学习 or an English word such as "go" or "the": the search works on any managed database
// without server configuration.
import "server-only";
import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict";

const PREFIX = "xf";
/** InnoDB ignores tokens longer than 84 characters. */
const MAX_WORD_LENGTH = 80;
/** Characters InnoDB's tokenizer treats as part of a word; everything else separates words. */
const NON_WORD = /[^\p{L}\p{N}_]+/u;
/** Function words that would make a query demand them; dropped from queries (not from the index). */
const QUERY_STOP_WORDS = new Set(["的", "了", "和", "与", "及", "在", "是", "用", "之", "a", "an", "and", "of", "the", "to", "for", "in", "with"]);

const holder = globalThis as unknown as { __xuefuJieba?: Jieba };

function jieba(): Jieba {
  // Loading the dictionary takes ~100 ms; once per process.
  holder.__xuefuJieba ??= Jieba.withDict(dict);
  return holder.__xuefuJieba;
}

export function normalise(text: string): string {
  return text.normalize("NFKC").toLowerCase();
}

function clean(segments: string[]): string[] {
  return segments.flatMap((segment) => segment.split(NON_WORD)).filter((word) => word.length > 0 && word.length <= MAX_WORD_LENGTH);
}

/** Words of a text for the index: jieba's search mode, which adds the sub-words of long words (数据分析 → 数据, 分析). */
export function indexWords(text: string): string[] {
  return clean(jieba().cutForSearch(normalise(text), false));
}

/** Words of a query: jieba's precise mode, without function words (unless the query is nothing else). */
export function queryWords(text: string): string[] {
  const words = clean(jieba().cut(normalise(text), false));
  const meaningful = words.filter((word) => !QUERY_STOP_WORDS.has(word));
  return [...new Set(meaningful.length ? meaningful : words)];
}

/** The sub-words jieba's search mode finds inside one word, e.g. 数据分析 → [数据, 分析]. */
export function subWords(word: string): string[] {
  return [...new Set(clean(jieba().cutForSearch(word, false)).filter((w) => w !== word))];
}

export const encodeWord = (word: string) => PREFIX + word;

/** The text stored in a FULLTEXT column: encoded words separated by spaces. */
export function indexText(...texts: string[]): string {
  return texts.flatMap(indexWords).map(encodeWord).join(" ");
}

export interface CompiledQuery {
  /** Every query word must occur (a long word may also match as all of its sub-words). */
  required: string;
  /** Any word scores: for ranking by column. */
  ranking: string;
  /** The words and sub-words to highlight; `prefix` is true for a word matched as a prefix. */
  terms: Array<{ word: string; prefix: boolean }>;
}

/**
 * A query for MATCH ... AGAINST (... IN BOOLEAN MODE), or null when it holds no word. Only encoded words
 * (letters, digits, underscore) reach the query string, so a user cannot inject boolean operators.
 * `prefixLast` matches the last word as a prefix, for suggestions as one types.
 */
export function compileQuery(text: string, opts: { prefixLast?: boolean } = {}): CompiledQuery | null {
  const words = queryWords(text).slice(0, 12);
  if (words.length === 0) return null;
  const required: string[] = [];
  const ranking: string[] = [];
  const terms: CompiledQuery["terms"] = [];
  words.forEach((word, i) => {
    const prefix = Boolean(opts.prefixLast) && i === words.length - 1;
    terms.push({ word, prefix });
    if (prefix) {
      required.push(`+${encodeWord(word)}*`);
      ranking.push(`${encodeWord(word)}*`);
      return;
    }
    const subs = subWords(word);
    ranking.push(encodeWord(word), ...subs.map(encodeWord));
    if (subs.length === 0) {
      required.push(`+${encodeWord(word)}`);
    } else {
      required.push(`+(${encodeWord(word)} (${subs.map((s) => `+${encodeWord(s)}`).join(" ")}))`);
      for (const s of subs) terms.push({ word: s, prefix: false });
    }
  });
  return { required: required.join(" "), ranking: ranking.join(" "), terms };
}

/** The text of an HTML fragment: tags dropped, common entities decoded, whitespace collapsed. */
export function htmlToText(html: string): string {
  const entities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };
  return html
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, " ")
    .replace(/<!--[\s\S]*?-->/g, " ")
    .replace(/<\/?(p|div|br|li|ul|ol|h[1-6]|pre|blockquote|tr|td|th|table)\b[^>]*>/gi, " ")
    .replace(/<[^>]*>/g, "")
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] === "#") {
        const code = name[1]?.toLowerCase() === "x" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : " ";
      }
      return entities[name.toLowerCase()] ?? whole;
    })
    .replace(/\s+/g, " ")
    .trim();
}
