// Sign-in throttling counts failures only: successful sign-ins from one address never lock it out, while
// repeated wrong passwords do, after which even the right password waits.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/http/api";
import { SIGN_IN_LIMITS, countFailedSignIn, throttleSignIn } from "./api-tokens";

const refused = async (login: string, ip: string) => {
  try {
    await throttleSignIn(login, ip);
    return false;
  } catch (error) {
    if (error instanceof ApiError && error.status === 429) return true;
    throw error;
  }
};

describe("sign-in throttling", () => {
  it("never refuses an address for sign-ins that succeed", async () => {
    const ip = `198.51.100.${randomUUID()}`;
    for (let i = 0; i < SIGN_IN_LIMITS.perIp.limit + 5; i++) expect(await refused(`user${i}@example.com`, ip)).toBe(false);
  });

  it("refuses a login after its failures reach the limit, whatever the address", async () => {
    const login = `Someone-${randomUUID()}@Example.com`;
    for (let i = 0; i < SIGN_IN_LIMITS.perLogin.limit; i++) {
      expect(await refused(login, `203.0.113.${i}`)).toBe(false);
      await countFailedSignIn(login, `203.0.113.${i}`);
    }
    expect(await refused(login.toLowerCase(), "192.0.2.99")).toBe(true);
    expect(await refused(`other-${randomUUID()}@example.com`, "192.0.2.99")).toBe(false);
  });

  it("refuses an address after its failures reach the limit, for any login", async () => {
    const ip = `192.0.2.${randomUUID()}`;
    for (let i = 0; i < SIGN_IN_LIMITS.perIp.limit; i++) await countFailedSignIn(`guess${i}-${randomUUID()}@example.com`, ip);
    expect(await refused(`fresh-${randomUUID()}@example.com`, ip)).toBe(true);
  });
});
