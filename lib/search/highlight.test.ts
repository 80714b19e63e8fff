import { describe, expect, it } from "vitest";
import { highlight, highlightToHtml, snippet } from "./highlight";

const t = (word: string, prefix = false) => ({ word, prefix });

describe("highlight", () => {
  it("marks Chinese words anywhere and joins adjacent hits", () => {
    expect(highlight("机器学习入门：从线性回归开始", [t("机器"), t("学习")])).toEqual([
      { text: "机器学习", hit: true },
      { text: "入门：从线性回归开始", hit: false },
    ]);
  });

  it("marks Latin words case-insensitively, only as whole words unless a prefix", () => {
    expect(highlight("Go and Algorithms", [t("go")])).toEqual([
      { text: "Go", hit: true },
      { text: " and Algorithms", hit: false },
    ]);
    expect(highlight("Python for all", [t("pyth", true)])).toEqual([
      { text: "Pyth", hit: true },
      { text: "on for all", hit: false },
    ]);
  });

  it("treats regular-expression characters in terms literally", () => {
    expect(highlight("a.b a+b", [t("a+b")])).toEqual([
      { text: "a.b ", hit: false },
      { text: "a+b", hit: true },
    ]);
  });

  it("escapes every character when rendered as HTML", () => {
    const parts = highlight('<img src=x onerror="alert(1)"> xss', [t("xss")]);
    expect(highlightToHtml(parts)).toBe("&#60;img src=x onerror=&#34;alert(1)&#34;&#62; <mark>xss</mark>");
  });

  it("cuts a snippet around the first hit with ellipses", () => {
    const text = `${"前".repeat(200)}目标${"后".repeat(200)}`;
    const parts = snippet(text, [t("目标")], 60);
    expect(parts[0]).toEqual({ text: "…", hit: false });
    expect(parts[parts.length - 1]).toEqual({ text: "…", hit: false });
    expect(parts.filter((p) => p.hit)).toEqual([{ text: "目标", hit: true }]);
    expect(parts.map((p) => p.text).join("").length).toBe(62);
  });
});
