import { createTranslator, IntlErrorCode, type IntlError } from "next-intl";
import { describe, expect, it } from "vitest";
import { defaultLocale, isLocale, locales, resolveLocale } from "./config";
import en from "./messages/en.json";
import zh from "./messages/zh-CN.json";

/** Every leaf key path of a messages object, e.g. "Header.catalogue". */
function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe("messages", () => {
  it("has the same keys in Chinese and English", () => {
    expect(keys(en).sort()).toEqual(keys(zh).sort());
  });

  it("has no empty translation", () => {
    for (const [name, messages] of Object.entries({ zh, en })) {
      const empty = keys(messages).filter((path) => {
        const leaf = path.split(".").reduce<unknown>((node, k) => (node as Record<string, unknown>)[k], messages);
        return typeof leaf !== "string" || leaf.trim() === "";
      });
      expect(empty, name).toEqual([]);
    }
  });
});

describe("message syntax", () => {
  it("parses every message as ICU (literal braces must be passed as arguments)", () => {
    for (const [locale, messages] of [["zh-CN", zh], ["en", en]] as const) {
      const malformed: string[] = [];
      const onError = (error: IntlError) => {
        if (error.code === IntlErrorCode.INVALID_MESSAGE) malformed.push(error.message);
      };
      const t = createTranslator({ locale, messages, onError }) as unknown as { raw: unknown } & ((key: string) => string);
      for (const key of keys(messages)) t(key);
      expect(malformed, locale).toEqual([]);
    }
  });
});

describe("locale resolution", () => {
  it("accepts the supported locales", () => {
    for (const locale of locales) expect(resolveLocale(locale)).toBe(locale);
  });

  it("falls back to Chinese for a missing or unknown cookie value", () => {
    for (const value of [undefined, "", "fr", "EN", "zh", "zh-CN ", null]) {
      expect(isLocale(value)).toBe(false);
      expect(resolveLocale(value)).toBe(defaultLocale);
    }
    expect(defaultLocale).toBe("zh-CN");
  });
});
