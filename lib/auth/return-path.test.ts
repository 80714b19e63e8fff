import { describe, expect, it } from "vitest";
import { sameSitePath } from "./return-path";

describe("sameSitePath", () => {
  it("keeps paths on this site", () => {
    expect(sameSitePath("/account?tab=sessions")).toBe("/account?tab=sessions");
    expect(sameSitePath("/")).toBe("/");
  });

  it("refuses anything that could leave the site", () => {
    for (const raw of ["//evil.example/x", "/\\evil.example", "https://evil.example", "javascript:alert(1)", "account", "/a b", "", null, 42]) {
      expect(sameSitePath(raw)).toBe("/");
    }
    expect(sameSitePath("//evil.example", "/account")).toBe("/account");
  });
});
