// One-time verification codes for sign-up and password reset, sent by text message or email.
// A code is 6 random digits, valid for 5 minutes and 5 attempts, and used at most once. Redis keeps only an
// HMAC of it (keyed with AUTH_SECRET, bound to purpose and target) and a count of wrong attempts, under a key
// named by a keyed hash of the target, so every web instance sees the same state. Only the queued message
// holds the code in clear, until it is delivered (lib/notify). Sending is throttled per target and per IP.
// Sign-in codes (the extra step after too many failed sign-ins) use the same store with their own throttles.
import "server-only";
import { createHmac, randomInt } from "node:crypto";
import { env } from "@/lib/config/env";
import type { AppLocale } from "@/lib/i18n/config";
import { enqueueNotification } from "@/lib/notify";
import { verificationCodeMessage } from "@/lib/notify/templates";
import { key, redis } from "@/lib/redis";
import { rateLimit, tooManyRequests, type RateRule } from "@/lib/security/rate-limit";
import { rateLimitAddress } from "@/lib/http/client-ip";
import { parseIdentifier, type Identifier } from "./identifiers";

/** What a person may ask a code for (POST /api/v1/auth/codes, the sign-up and reset forms). */
export const codePurposes = ["sign_up", "reset_password"] as const;
/** Sign-in codes are never asked for: sign-in sends one itself, after too many failed attempts (issueSignInCode). */
export type CodePurpose = (typeof codePurposes)[number] | "sign_in";

export const CODE_TTL_SECONDS = 300;
export const CODE_MAX_ATTEMPTS = 5;

/** Sending limits. Per target they hold across purposes: they protect the person who receives the messages. */
export const CODE_THROTTLES = {
  perIp: { limit: 20, windowSeconds: 60 * 60 },
  perTargetCooldown: { limit: 1, windowSeconds: 60 },
  perTargetDaily: { limit: 10, windowSeconds: 24 * 60 * 60 },
} satisfies Record<string, RateRule>;

/** Sign-in codes: one a minute and ten a day per account. Only someone who gave the right password sends one. */
export const SIGN_IN_CODE_THROTTLES = {
  perTargetCooldown: { limit: 1, windowSeconds: 60 },
  perTargetDaily: { limit: 10, windowSeconds: 24 * 60 * 60 },
} satisfies Record<string, RateRule>;

export type VerifyResult = "ok" | "invalid" | "expired" | "too_many_attempts";

const hmac = (data: string) => createHmac("sha256", env().AUTH_SECRET).update(data).digest("base64url");

/** The Redis hash holding a target's current code for a purpose: { hash, attempts }. Exported for tests. */
export function codeKey(purpose: CodePurpose, target: string): string {
  return key("auth", "code", purpose, hmac(`code-key|${target}`));
}

const codeHash = (purpose: CodePurpose, target: string, code: string) => hmac(`${purpose}|${target}|${code}`);

/** Whether a code goes out at all: sign-up codes only to new targets, reset codes only to existing accounts. */
export function shouldSendCode(purpose: CodePurpose, accountExists: boolean): boolean {
  return purpose === "sign_up" ? !accountExists : accountExists;
}

export interface IssueCodeInput {
  purpose: CodePurpose;
  /** A normalised identifier (`parseIdentifier(raw).value`). */
  target: string;
  ip: string;
  /** The language for someone without an account (an account's own language wins). */
  locale: AppLocale;
  /** The account with this email or mobile number, if any; called only once the throttles have passed. */
  findAccount: () => Promise<{ locale: AppLocale } | undefined>;
}

/**
 * Issues a code and queues the message carrying it, replacing any earlier code for the same purpose and
 * target. Throws the API's 429 (with Retry-After) when a throttle refuses. The throttles count every request,
 * whether or not a message goes out, so their answers reveal nothing about which accounts exist.
 */
export async function issueCode(input: IssueCodeInput): Promise<{ expiresInSeconds: number }> {
  const identifier = parseIdentifier(input.target);
  if (!identifier || identifier.value !== input.target) throw new Error("issueCode needs a target normalised by parseIdentifier");

  // The IP first: a client that is already refused does not use up its victims' per-target allowance.
  const checks: Array<[string, string, RateRule]> = [
    ["auth-code:ip", rateLimitAddress(input.ip), CODE_THROTTLES.perIp],
    ["auth-code:target", input.target, CODE_THROTTLES.perTargetCooldown],
    ["auth-code:target", input.target, CODE_THROTTLES.perTargetDaily],
  ];
  for (const [name, identity, rule] of checks) {
    const result = await rateLimit(name, identity, rule);
    if (!result.ok) tooManyRequests(result.retryAfterSeconds);
  }

  const account = await input.findAccount();
  if (shouldSendCode(input.purpose, account !== undefined)) await storeAndSend(input.purpose, identifier, account?.locale ?? input.locale);
  return { expiresInSeconds: CODE_TTL_SECONDS };
}

/** Replaces the target's code for the purpose with a new one and queues the message carrying it. */
async function storeAndSend(purpose: CodePurpose, identifier: Identifier, locale: AppLocale): Promise<void> {
  const code = randomInt(0, 1_000_000).toString().padStart(6, "0");
  const k = codeKey(purpose, identifier.value);
  // DEL first: the new code starts with a fresh attempt count, and the old code is gone with it.
  await redis()
    .multi()
    .del(k)
    .hset(k, { hash: codeHash(purpose, identifier.value, code), attempts: 0 })
    .pexpire(k, CODE_TTL_SECONDS * 1000)
    .exec();
  await enqueueNotification(
    verificationCodeMessage({ purpose, channel: identifier.kind === "email" ? "email" : "sms", to: identifier.value, code, minutes: CODE_TTL_SECONDS / 60, locale }),
  );
}

/**
 * Sends the account's owner a sign-in code, to the email or mobile number they sign in with. Called only
 * after the right password, when too many failed attempts ask for more (lib/auth/sign-in-guard.ts). Quietly
 * sends nothing while a throttle refuses (one a minute, ten a day): the caller's answer must not differ.
 */
export async function issueSignInCode(input: { target: string; locale: AppLocale }): Promise<boolean> {
  const identifier = parseIdentifier(input.target);
  if (!identifier || identifier.value !== input.target) throw new Error("issueSignInCode needs a target normalised by parseIdentifier");
  for (const rule of [SIGN_IN_CODE_THROTTLES.perTargetCooldown, SIGN_IN_CODE_THROTTLES.perTargetDaily]) {
    if (!(await rateLimit("auth-code:sign-in", input.target, rule)).ok) return false;
  }
  await storeAndSend("sign_in", identifier, input.locale);
  return true;
}

// Checks and consumes a code in one step, so concurrent guesses on several instances cannot exceed the
// attempt limit and a code cannot be used twice. A missing key means never issued, expired or already used;
// all three read "expired": ask for a new code. Once the attempts are used up the key stays (until its TTL)
// so that even the right code is refused. Comparing the two HMACs with `==` leaks nothing useful: an attacker
// controls only the code, not its keyed hash.
const VERIFY_SCRIPT = `
local stored = redis.call("HMGET", KEYS[1], "hash", "attempts")
if not stored[1] then return "expired" end
local allowed = tonumber(ARGV[2])
local attempts = tonumber(stored[2]) or allowed
if attempts >= allowed then return "too_many_attempts" end
if stored[1] == ARGV[1] then
  redis.call("DEL", KEYS[1])
  return "ok"
end
if redis.call("HINCRBY", KEYS[1], "attempts", 1) >= allowed then return "too_many_attempts" end
return "invalid"
`;

const createVerifyScript = () => redis().createScript<string>(VERIFY_SCRIPT);
let verifyScript: ReturnType<typeof createVerifyScript> | undefined;

const RESULTS = new Set<string>(["ok", "invalid", "expired", "too_many_attempts"] satisfies VerifyResult[]);

/**
 * Checks a submitted code. "ok" consumes it; "invalid" counts a wrong attempt (the last one allowed answers
 * "too_many_attempts" instead); "expired" means there is no live code, so a new one must be requested.
 */
export async function verifyCode(input: { purpose: CodePurpose; target: string; code: string }): Promise<VerifyResult> {
  verifyScript ??= createVerifyScript();
  const candidate = codeHash(input.purpose, input.target, input.code.trim());
  const result = await verifyScript.exec([codeKey(input.purpose, input.target)], [candidate, String(CODE_MAX_ATTEMPTS)]);
  if (!RESULTS.has(result)) throw new Error(`Unexpected answer from the code verification script: ${String(result)}`);
  return result as VerifyResult;
}
