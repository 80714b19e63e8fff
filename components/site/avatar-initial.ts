// The letter on a person's round avatar: the first character of their name as a reader sees it (a whole emoji
// or a Chinese character, not half of one), upper-cased.
const segmenter = typeof Intl !== "undefined" && "Segmenter" in Intl ? new Intl.Segmenter(undefined, { granularity: "grapheme" }) : null;

export function avatarInitial(name: string): string {
  const trimmed = name.trim();
  if (!trimmed) return "?";
  const first = segmenter ? (segmenter.segment(trimmed)[Symbol.iterator]().next().value?.segment ?? "") : (Array.from(trimmed)[0] ?? "");
  return first.toLocaleUpperCase() || "?";
}
