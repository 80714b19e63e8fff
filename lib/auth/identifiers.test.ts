import { describe, expect, it } from "vitest";
import { identifierSchema, parseIdentifier } from "./identifiers";

describe("parseIdentifier", () => {
  it("normalises email addresses: trimmed and lower-cased", () => {
    expect(parseIdentifier("  Li.Wei+courses@Example.COM ")).toEqual({ kind: "email", value: "li.wei+courses@example.com" });
  });

  it("writes every way of typing a mainland mobile number as +86 and 11 digits", () => {
    for (const raw of [
      "13812345678",
      "+86 138 1234 5678",
      "86-138-1234-5678",
      "+8613812345678",
      "008613812345678",
      "(+86) 138-1234-5678",
      " 138 1234 5678 ",
      "＋８６ １３８ １２３４ ５６７８", // full-width, as a Chinese input method may type it
    ]) {
      expect(parseIdentifier(raw), raw).toEqual({ kind: "mobile", value: "+8613812345678" });
    }
    expect(parseIdentifier("19912345678")).toEqual({ kind: "mobile", value: "+8619912345678" });
  });

  it("refuses what is neither", () => {
    for (const raw of [
      "",
      "   ",
      "not an email",
      "li@",
      "@example.com",
      "li@@example.com",
      "li wei@example.com",
      `${"a".repeat(190)}@example.com`, // longer than the users.email column
      "12812345678", // mainland mobiles start 13-19
      "1381234567", // 10 digits
      "138123456789", // 12 digits
      "+85213812345678", // not +86
      "+1 415 555 0100",
      "13812345678x",
      "138 1234 5678; DROP TABLE users",
    ]) {
      expect(parseIdentifier(raw), raw).toBeNull();
    }
  });
});

describe("identifierSchema", () => {
  it("parses to the normalised identifier, or fails with a readable message", () => {
    expect(identifierSchema.parse(" 138-1234-5678")).toEqual({ kind: "mobile", value: "+8613812345678" });
    const failed = identifierSchema.safeParse("nobody");
    expect(failed.success).toBe(false);
    expect(failed.error?.issues[0]?.message).toMatch(/email address or a mainland China mobile number/);
    expect(identifierSchema.safeParse(13812345678).success).toBe(false);
  });
});
