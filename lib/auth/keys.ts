// The RSA keys that sign and verify session and API tokens (RS256). AUTH_JWT_KEYS lists private JWKs newest
// first: the first signs; every listed key verifies, so after a rotation tokens signed with the previous key
// stay valid until they expire. Only public halves ever leave the process (GET /.well-known/jwks.json).
import "server-only";
import { importJWK, type CryptoKey, type JWK } from "jose";
import { env } from "@/lib/config/env";

export interface KeyRing {
  signing: SigningKey;
  verifying: Map<string, CryptoKey>;
  publicJwks: JWK[];
}

export interface SigningKey {
  kid: string;
  key: CryptoKey;
}

const PUBLIC_FIELDS = ["kty", "n", "e"] as const;

let cached: { source: string; keys: Promise<KeyRing> } | undefined;

/** Builds a key ring from AUTH_JWT_KEYS-shaped JSON (private JWKs, newest first). */
export async function createKeyRing(source: string): Promise<KeyRing> {
  const jwks = JSON.parse(source) as JWK[];
  const verifying = new Map<string, CryptoKey>();
  const publicJwks: JWK[] = [];
  let signing: SigningKey | undefined;
  for (const jwk of jwks) {
    const kid = jwk.kid!;
    const publicJwk: JWK = { kid, alg: "RS256", use: "sig" };
    for (const field of PUBLIC_FIELDS) publicJwk[field] = jwk[field];
    verifying.set(kid, (await importJWK(publicJwk, "RS256")) as CryptoKey);
    publicJwks.push(publicJwk);
    signing ??= { kid, key: (await importJWK({ ...jwk, alg: "RS256" }, "RS256")) as CryptoKey };
  }
  if (!signing) throw new Error("AUTH_JWT_KEYS holds no key");
  return { signing, verifying, publicJwks };
}

/** The ring configured for this process. */
export function keyRing(): Promise<KeyRing> {
  const source = env().AUTH_JWT_KEYS;
  if (!cached || cached.source !== source) cached = { source, keys: createKeyRing(source) };
  return cached.keys;
}

/** The public JSON Web Key Set: current and previous keys. */
export async function publicJwks(): Promise<{ keys: JWK[] }> {
  return { keys: (await keyRing()).publicJwks };
}
