// API tokens: issue, verify against the published JWKS with a standard JOSE library, use, revoke everywhere;
// and the attempts that must fail.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { createRemoteJWKSet, jwtVerify } from "jose";
import { query } from "./support/db";
import { startSecondInstance } from "./support/instance";

const PASSWORD = "Passw0rd!demo";

async function token(request: APIRequestContext, login: string, password = PASSWORD) {
  return request.post("/api/v1/tokens", { data: { login, password } });
}

test("a token verifies against the published JWKS and identifies its user", async ({ request, baseURL }) => {
  const res = await token(request, "admin@example.com");
  expect(res.status()).toBe(201);
  const body = (await res.json()) as { access_token: string; token_type: string; expires_in: number };
  expect(body.token_type).toBe("Bearer");
  expect(body.expires_in).toBeGreaterThan(0);

  // Any service can check it from the public keys alone.
  const jwks = createRemoteJWKSet(new URL("/.well-known/jwks.json", baseURL));
  const { payload, protectedHeader } = await jwtVerify(body.access_token, jwks, { audience: "xuefu", algorithms: ["RS256"] });
  expect(protectedHeader.alg).toBe("RS256");
  const [admin] = await query<{ id: number; name: string }>("SELECT id, name FROM users WHERE email = 'admin@example.com'");
  expect(payload.sub).toBe(String(admin!.id));

  const keys = (await (await request.get("/.well-known/jwks.json")).json()) as { keys: Array<Record<string, unknown>> };
  expect(keys.keys.length).toBeGreaterThan(0);
  for (const k of keys.keys) {
    expect(k).toMatchObject({ kty: "RSA", alg: "RS256", use: "sig" });
    expect(k.kid).toEqual(expect.any(String));
    for (const secret of ["d", "p", "q", "dp", "dq", "qi"]) expect(k).not.toHaveProperty(secret);
  }

  const me = await request.get("/api/v1/me", { headers: { authorization: `Bearer ${body.access_token}` } });
  expect(me.status()).toBe(200);
  expect(await me.json()).toEqual({ id: admin!.id, name: admin!.name, roles: ["super_admin"] });
});

test("wrong credentials get the same 401 whether or not the account exists", async ({ request }) => {
  const wrong = await token(request, "learner021@example.com", "Wrong-password-1");
  const missing = await token(request, "nobody-here@example.com", "Wrong-password-1");
  expect(wrong.status()).toBe(401);
  expect(missing.status()).toBe(401);
  expect(await wrong.json()).toEqual(await missing.json());
  expect(((await wrong.json()) as { error: { code: string } }).error.code).toBe("INVALID_CREDENTIALS");
});

test("bad requests get 400 and 422 with field errors", async ({ request }) => {
  const notJson = await request.post("/api/v1/tokens", { headers: { "content-type": "application/json" }, data: Buffer.from("{not json") });
  expect(notJson.status()).toBe(400);
  expect(((await notJson.json()) as { error: { code: string } }).error.code).toBe("BAD_REQUEST");
  const empty = await request.post("/api/v1/tokens", { data: { login: "" } });
  expect(empty.status()).toBe(422);
  const body = (await empty.json()) as { error: { code: string; details: Record<string, string[]> } };
  expect(body.error.code).toBe("VALIDATION_FAILED");
  expect(Object.keys(body.error.details).sort()).toEqual(["login", "password"]);
});

test("repeated wrong passwords ask for a code sent to the account, even with the right password", async ({ request }) => {
  const login = "learner022@example.com";
  const code = async (res: Awaited<ReturnType<typeof token>>) => ((await res.json()) as { error: { code: string } }).error.code;
  for (let attempt = 1; attempt <= 10; attempt++) {
    const res = await token(request, login, `Wrong-${attempt}-x`);
    expect(res.status()).toBe(401);
    expect(await code(res)).toBe("INVALID_CREDENTIALS");
  }
  // Not locked: the account's owner gets a code (lib/auth/sign-in-guard.ts; e2e/hardening.spec.ts goes on).
  const right = await token(request, login);
  expect(right.status()).toBe(401);
  expect(await code(right)).toBe("VERIFICATION_REQUIRED");
});

test("missing, forged and revoked tokens are refused", async ({ request }) => {
  expect((await request.get("/api/v1/me")).status()).toBe(401);
  expect((await request.get("/api/v1/me", { headers: { authorization: "Bearer not-a-token" } })).status()).toBe(401);

  const { access_token } = (await (await token(request, "learner023@example.com")).json()) as { access_token: string };
  const [header, payload] = access_token.split(".");
  const none = `${Buffer.from(JSON.stringify({ alg: "none", typ: "JWT" })).toString("base64url")}.${payload}.`;
  expect((await request.get("/api/v1/me", { headers: { authorization: `Bearer ${none}` } })).status()).toBe(401);
  const tampered = `${header}.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, "base64url").toString()), sub: "1" })).toString("base64url")}.${access_token.split(".")[2]}`;
  expect((await request.get("/api/v1/me", { headers: { authorization: `Bearer ${tampered}` } })).status()).toBe(401);

  const auth = { authorization: `Bearer ${access_token}` };
  expect((await request.get("/api/v1/me", { headers: auth })).status()).toBe(200);
  expect((await request.delete("/api/v1/me/sessions", { headers: auth })).status()).toBe(204);
  const after = await request.get("/api/v1/me", { headers: auth });
  expect(after.status()).toBe(401);
  expect(after.headers()["www-authenticate"]).toContain("Bearer");
});

test("a disabled account cannot get a token and its existing token stops working", async ({ request }) => {
  const login = "learner024@example.com";
  const { access_token } = (await (await token(request, login)).json()) as { access_token: string };
  await query("UPDATE users SET disabled = 1 WHERE email = ?", [login]);
  try {
    expect((await request.get("/api/v1/me", { headers: { authorization: `Bearer ${access_token}` } })).status()).toBe(401);
    const refused = await token(request, login);
    expect(refused.status()).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("ACCOUNT_DISABLED");
  } finally {
    await query("UPDATE users SET disabled = 0 WHERE email = ?", [login]);
  }
});

test("two instances share sessions: signing out everywhere on one is refused at once on the other", async ({ playwright }) => {
  test.setTimeout(60_000);
  const second = await startSecondInstance(Number(process.env.XUEFU_E2E_SECOND_PORT ?? 3101));
  const first = await playwright.request.newContext({ baseURL: process.env.E2E_BASE_URL });
  const other = await playwright.request.newContext({ baseURL: second.url });
  try {
    const res = await token(first, "learner025@example.com");
    const { access_token } = (await res.json()) as { access_token: string };
    const auth = { authorization: `Bearer ${access_token}` };
    expect((await other.get("/api/v1/me", { headers: auth })).status()).toBe(200);
    expect((await other.delete("/api/v1/me/sessions", { headers: auth })).status()).toBe(204);
    expect((await first.get("/api/v1/me", { headers: auth })).status()).toBe(401);
  } finally {
    await first.dispose();
    await other.dispose();
    await second.stop();
  }
});
