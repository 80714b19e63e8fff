// The sign-up form's consent rule, as both the browser check and the server action apply it.
import { describe, expect, it } from "vitest";
import { fieldErrors, signUpSchema } from "./account-schemas";

const filled = { name: "小明", identifier: "ming@example.com", code: "123456", password: "Sign-up-passw0rd" };

describe("sign-up consent", () => {
  it("accepts the ticked box, which a browser sends as on", () => {
    expect(signUpSchema.parse({ ...filled, terms: "on" }).terms).toBe(true);
  });

  it("refuses a missing, empty or forged value with a field error on the box", () => {
    for (const terms of [undefined, "", "off", "true", "ON", 1, true]) {
      const result = signUpSchema.safeParse({ ...filled, terms });
      expect(result.success, String(terms)).toBe(false);
      expect(fieldErrors(result.error!), String(terms)).toEqual({ terms: "terms_required" });
    }
  });
});
