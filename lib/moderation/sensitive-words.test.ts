import { describe, expect, it } from "vitest";
import { compileSensitiveWords, foldWord } from "./sensitive-words";
import { defaultSensitiveWords } from "./words";

describe("the sensitive-word filter", () => {
  const matcher = compileSensitiveWords(["加微信", "casino", "he", "she", "hers", "代写"]);

  it("finds every listed word, overlapping ones included, and nothing else", () => {
    expect(matcher.find("ushers").map((m) => m.word)).toEqual(["she", "hers", "he"]);
    expect(matcher.test("这门课讲得很清楚")).toBe(false);
    expect(matcher.find("想要资料请加微信")).toEqual([{ word: "加微信", start: 5, end: 8 }]);
  });

  it("folds full-width letters and case, and skips separators between characters", () => {
    expect(matcher.test("ＣＡＳＩＮＯ night")).toBe(true);
    expect(matcher.test("c.a.s.i.n.o")).toBe(true);
    expect(matcher.test("加 微 信")).toBe(true);
    expect(matcher.test("加-微-信")).toBe(true);
    expect(foldWord("Ｃａｓｉ ｎｏ")).toBe("casino");
  });

  it("masks only the matched characters and keeps the rest as written", () => {
    expect(matcher.mask("Try C-a-s-i-n-o now")).toBe("Try *-*-*-*-*-* now");
    expect(matcher.mask("找人代写作业")).toBe("找人**作业");
    expect(matcher.mask("nothing listed")).toBe("nothing listed");
  });

  it("handles characters outside the basic plane without shifting offsets", () => {
    const m = compileSensitiveWords(["赌博"]);
    expect(m.find("😀😀赌博")).toEqual([{ word: "赌博", start: 4, end: 6 }]);
    expect(m.mask("😀赌博😀")).toBe("😀**😀");
  });

  it("an empty list matches nothing; blank and duplicate words are ignored", () => {
    expect(compileSensitiveWords([]).test("anything")).toBe(false);
    expect(compileSensitiveWords(["", "  ", "ab", "AB", "ａｂ"]).size).toBe(1);
  });

  it("the built-in list compiles and catches its own words in both languages", () => {
    const all = compileSensitiveWords(defaultSensitiveWords);
    expect(all.size).toBe(defaultSensitiveWords.length);
    for (const word of defaultSensitiveWords) expect(all.test(`前后 ${word} text`), word).toBe(true);
  });
});
