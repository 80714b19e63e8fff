// What the caption upload accepts: a WebVTT file (its WEBVTT header), in UTF-8, within the size limit; and
// what it turns away whatever the file's name says: SubRip, a GBK-encoded file, an empty or oversized one.
import { describe, expect, it } from "vitest";
import { captionFile, captionLabel, checkWebVtt, isCaptionLanguage, MAX_CAPTION_BYTES } from "./captions-format";
import { isMediaFile } from "./signing";

const utf8 = (s: string) => new TextEncoder().encode(s);
const VTT = "WEBVTT\n\n00:00:00.000 --> 00:00:02.000\n欢迎来到学府\n";

describe("checkWebVtt", () => {
  it("accepts WebVTT with or without a header comment, a BOM or CRLF line ends", () => {
    expect(checkWebVtt(utf8(VTT))).toEqual({ ok: true, text: VTT });
    expect(checkWebVtt(utf8("WEBVTT - 第一课\r\n\r\n00:01.000 --> 00:02.000\r\nhi\r\n")).ok).toBe(true);
    expect(checkWebVtt(utf8(`\uFEFF${VTT}`))).toEqual({ ok: true, text: VTT });
    expect(checkWebVtt(utf8("WEBVTT"))).toEqual({ ok: true, text: "WEBVTT" });
  });

  it("turns away SubRip, a near-miss header, other encodings, NUL bytes, empty and oversized files", () => {
    expect(checkWebVtt(utf8("1\n00:00:00,000 --> 00:00:02,000\nhello\n"))).toEqual({ ok: false, problem: "not_webvtt" });
    expect(checkWebVtt(utf8("WEBVTTX\n\n"))).toEqual({ ok: false, problem: "not_webvtt" });
    expect(checkWebVtt(utf8("webvtt\n"))).toEqual({ ok: false, problem: "not_webvtt" });
    expect(checkWebVtt(utf8("WEBVTT\n\0\n"))).toEqual({ ok: false, problem: "not_webvtt" });
    // "学府" in GBK: not valid UTF-8.
    expect(checkWebVtt(new Uint8Array([...utf8("WEBVTT\n\n"), 0xd1, 0xa7, 0xb8, 0xae]))).toEqual({ ok: false, problem: "not_utf8" });
    expect(checkWebVtt(new Uint8Array())).toEqual({ ok: false, problem: "empty" });
    const big = new Uint8Array(MAX_CAPTION_BYTES + 1).fill(0x41);
    big.set(utf8("WEBVTT\n"));
    expect(checkWebVtt(big)).toEqual({ ok: false, problem: "too_large" });
  });
});

describe("caption languages", () => {
  it("name files the signed media route serves, and only languages offered", () => {
    for (const lang of ["zh-CN", "en", "ja"]) {
      expect(isCaptionLanguage(lang)).toBe(true);
      expect(isMediaFile(captionFile(lang))).toBe(true);
    }
    expect(isCaptionLanguage("../x")).toBe(false);
    expect(isCaptionLanguage("zh-cn")).toBe(false);
    expect(captionLabel("zh-CN")).toBe("简体中文");
    expect(captionLabel("en")).toBe("English");
  });
});
