// Tokens that must not pass: another key, alg none, HS256 with the public key as secret, expired, wrong audience.
import { SignJWT, UnsecuredJWT, exportJWK, generateKeyPair } from "jose";
import { describe, expect, it } from "vitest";
import { newJwtKey } from "@/scripts/local/secrets";
import { issuer, signToken, TOKEN_AUDIENCE, verifyToken } from "./jwt";
import { createKeyRing, keyRing } from "./keys";

const claims = { sub: "42", sid: "session-1", kind: "api" as const };

describe("RS256 tokens", () => {
  it("round-trips claims and names the signing key", async () => {
    const token = await signToken(claims, 60);
    const header = JSON.parse(Buffer.from(token.split(".")[0]!, "base64url").toString()) as { alg: string; kid: string };
    expect(header.alg).toBe("RS256");
    expect(header.kid).toBe((await keyRing()).signing.kid);
    const result = await verifyToken(token);
    expect(result).toMatchObject({ ok: true, claims: { sub: "42", sid: "session-1", kind: "api", aud: TOKEN_AUDIENCE, iss: issuer() } });
  });

  it("keeps honouring tokens of the previous key after a rotation, and drops them once it is removed", async () => {
    const old = newJwtKey();
    const fresh = newJwtKey();
    const before = await createKeyRing(JSON.stringify([old]));
    const rotated = await createKeyRing(JSON.stringify([fresh, old]));
    const retired = await createKeyRing(JSON.stringify([fresh]));
    const token = await signToken(claims, 60, before);
    expect((await verifyToken(token, rotated)).ok).toBe(true);
    expect((await verifyToken(await signToken(claims, 60, rotated), rotated)).ok).toBe(true);
    expect(await verifyToken(token, retired)).toEqual({ ok: false, reason: "invalid" });
    expect(rotated.publicJwks.map((k) => k.kid)).toEqual([fresh.kid, old.kid]);
    expect(rotated.publicJwks.every((k) => !("d" in k) && !("p" in k))).toBe(true);
  });

  it("refuses a token signed by another key that claims our key id", async () => {
    const { kid } = (await keyRing()).signing;
    const { privateKey } = await generateKeyPair("RS256");
    const forged = await new SignJWT({ sid: "s", kind: "api" })
      .setProtectedHeader({ alg: "RS256", kid })
      .setSubject("1")
      .setIssuer(issuer())
      .setAudience(TOKEN_AUDIENCE)
      .setExpirationTime("5m")
      .sign(privateKey);
    expect(await verifyToken(forged)).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuses alg none", async () => {
    const unsigned = new UnsecuredJWT({ sid: "s", kind: "api" }).setSubject("1").setIssuer(issuer()).setAudience(TOKEN_AUDIENCE).setExpirationTime("5m").encode();
    expect(await verifyToken(unsigned)).toEqual({ ok: false, reason: "invalid" });
    const withKid = unsigned.replace(/^[^.]+/, Buffer.from(JSON.stringify({ alg: "none", kid: (await keyRing()).signing.kid })).toString("base64url"));
    expect(await verifyToken(withKid)).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuses HS256 signed with the public key as the secret", async () => {
    const ring = await keyRing();
    const publicJwk = ring.publicJwks[0]!;
    const secret = new TextEncoder().encode(JSON.stringify(await exportJWK(ring.verifying.get(publicJwk.kid!)!)));
    const confused = await new SignJWT({ sid: "s", kind: "api" })
      .setProtectedHeader({ alg: "HS256", kid: publicJwk.kid })
      .setSubject("1")
      .setIssuer(issuer())
      .setAudience(TOKEN_AUDIENCE)
      .setExpirationTime("5m")
      .sign(secret);
    expect(await verifyToken(confused)).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuses expired tokens and tokens for another audience", async () => {
    const { key, kid } = (await keyRing()).signing;
    const expired = await new SignJWT({ sid: "s", kind: "api" })
      .setProtectedHeader({ alg: "RS256", kid })
      .setSubject("1")
      .setIssuer(issuer())
      .setAudience(TOKEN_AUDIENCE)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 10)
      .sign(key);
    expect(await verifyToken(expired)).toEqual({ ok: false, reason: "expired" });
    const elsewhere = await new SignJWT({ sid: "s", kind: "api" })
      .setProtectedHeader({ alg: "RS256", kid })
      .setSubject("1")
      .setIssuer(issuer())
      .setAudience("another-service")
      .setExpirationTime("5m")
      .sign(key);
    expect(await verifyToken(elsewhere)).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuses garbage", async () => {
    expect(await verifyToken("not.a.token")).toEqual({ ok: false, reason: "invalid" });
    expect(await verifyToken("")).toEqual({ ok: false, reason: "invalid" });
  });
});
