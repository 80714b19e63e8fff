// Development secrets, generated on first run and kept under .data/ (never committed).
import { generateKeyPairSync, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { newPaymentSandboxKeys, type PaymentSandboxKeys } from "./payment-sandbox-keys";
import type { Profile } from "./profile";

export interface LocalSecrets {
  mysqlPassword: string;
  gatewayToken: string;
  authSecret: string;
  /** RSA private keys (JWK, newest first) that sign session tokens; see lib/auth/keys.ts. */
  jwtKeys: JsonWebKey[];
  /** The test apps the local OAuth stand-in plays (scripts/local/oauth-service.ts); never real credentials. */
  oauthApps: StandinApps;
  /** Both sides' keys for the local payments sandbox (scripts/local/payment-sandbox-keys.ts); never real credentials. */
  paymentSandbox: PaymentSandboxKeys;
}

export interface StandinApps {
  qq: { appId: string; appKey: string };
  wechat: { appId: string; appSecret: string };
  weibo: { appKey: string; appSecret: string };
}

const digits = (n: number) => Array.from(randomBytes(n), (b) => String(b % 10)).join("");

/** A new RS256 signing key as a private JWK with a key id. */
export function newJwtKey(): JsonWebKey & { kid: string } {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const jwk = privateKey.export({ format: "jwk" });
  return { ...jwk, kid: `xf-${new Date().toISOString().slice(0, 10)}-${randomBytes(4).toString("hex")}`, alg: "RS256", use: "sig" } as JsonWebKey & { kid: string };
}

const fresh = (): LocalSecrets => ({
  paymentSandbox: newPaymentSandboxKeys(),
  mysqlPassword: randomBytes(18).toString("base64url"),
  gatewayToken: randomBytes(32).toString("base64url"),
  authSecret: randomBytes(48).toString("base64url"),
  jwtKeys: [newJwtKey()],
  // Shaped like the real ones: QQ app ids are numeric, WeChat's start with wx, Weibo app keys are numeric.
  oauthApps: {
    qq: { appId: `10${digits(7)}`, appKey: randomBytes(16).toString("hex") },
    wechat: { appId: `wx${randomBytes(8).toString("hex")}`, appSecret: randomBytes(16).toString("hex") },
    weibo: { appKey: `30${digits(8)}`, appSecret: randomBytes(16).toString("hex") },
  },
});

export function localSecrets(p: Profile): LocalSecrets {
  if (fs.existsSync(p.secretsFile)) {
    const stored = JSON.parse(fs.readFileSync(p.secretsFile, "utf8")) as Partial<LocalSecrets>;
    // A secret added in a later version is generated and stored without touching the existing ones.
    const merged = { ...fresh(), ...stored };
    if (Object.keys(stored).length !== Object.keys(merged).length) write(p.secretsFile, merged);
    return merged;
  }
  const secrets = fresh();
  write(p.secretsFile, secrets);
  return secrets;
}

export function writeSecrets(p: Profile, secrets: LocalSecrets): void {
  write(p.secretsFile, secrets);
}

function write(file: string, secrets: LocalSecrets): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(secrets, null, 2) + "\n", { mode: 0o600 });
}
