// Password sign-in with its guard against guessing, shared by the sign-in form (auth.ts) and the token API
// (api-tokens.ts). Failed attempts are counted in exact sliding windows (lib/security/rate-limit.ts):
//
// - per account AND address: after 10 failures in 15 minutes from one address (an IPv6 /64), sign-ins to that
//   account from there also need a code sent to the account's email or mobile number. Another address is
//   not affected, so someone guessing from their own address cannot lock the owner out of theirs;
// - per account, from everywhere: after 100 failures in an hour (guessing spread over many addresses), every
//   sign-in to the account needs the code. The owner, who gets the code, still signs in;
// - per address, whatever the account: after 60 failures in 5 minutes the address is refused (429): it is
//   trying many accounts, and refusing it locks out no one else.
//
// The extra step never hard-locks the owner and tells a guesser nothing: without the code the answer is the
// same whether the password was right or wrong (a code goes out only when it was right, and only the owner
// sees it), and with a code any mistake reads "the password or the code is wrong". A wrong code counts as a
// failure too, and a code allows 5 tries (codes.ts), so the step cannot be guessed past either.
import "server-only";
import { rateLimitAddress } from "@/lib/http/client-ip";
import { isLocale, type AppLocale } from "@/lib/i18n/config";
import { logger } from "@/lib/log";
import { clearEvents, peekEvents, recordEvent, type RateRule } from "@/lib/security/rate-limit";
import { issueSignInCode, verifyCode } from "./codes";
import { parseIdentifier } from "./identifiers";
import { checkCredentials, type UserRow } from "./users";

const log = logger.child({ component: "sign-in" });

/** Failed sign-ins allowed before the next step: see the header. */
export const SIGN_IN_LIMITS = {
  perAccountAddress: { limit: 10, windowSeconds: 15 * 60 },
  perAccount: { limit: 100, windowSeconds: 60 * 60 },
  perAddress: { limit: 60, windowSeconds: 5 * 60 },
} as const satisfies Record<string, RateRule>;

export type SignInFailure =
  /** The login or the password is wrong. */
  | { ok: false; reason: "invalid_credentials" }
  /** This account needs a code from this address: one was sent if the password was right. */
  | { ok: false; reason: "verification_required" }
  /** A code was given, and the password or the code is wrong (or the code expired; a new one was sent). */
  | { ok: false; reason: "verification_failed" }
  | { ok: false; reason: "rate_limited"; retryAfterSeconds: number }
  | { ok: false; reason: "account_disabled" };

export type SignInResult = { ok: true; user: UserRow } | SignInFailure;

export interface PasswordSignIn {
  login: string;
  password: string;
  /** The code from the email or text message, when the extra step asked for it. */
  code?: string;
  /** clientIp() of the request. */
  ip: string;
  /** The language of a message to an account that has none saved. */
  locale: AppLocale;
}

/** The account part of the keys: the login in canonical form, so "Foo@x.com" and "foo@x.com" count together. */
const accountKey = (login: string) => parseIdentifier(login)?.value ?? login.trim().toLowerCase();

/** Where the failures of one attempt are counted. */
function counters(login: string, ip: string): Array<[string, string, RateRule]> {
  const account = accountKey(login);
  const address = rateLimitAddress(ip);
  return [
    ["sign-in:account-address", `${account}|${address}`, SIGN_IN_LIMITS.perAccountAddress],
    ["sign-in:account", account, SIGN_IN_LIMITS.perAccount],
    ["sign-in:address", address, SIGN_IN_LIMITS.perAddress],
  ];
}

export interface SignInGate {
  /** The address is refused for now: wait this long. */
  retryAfterSeconds?: number;
  /** Sign-ins to this account from this address need a code. */
  needsCode: boolean;
}

/** What an attempt faces before its password is checked (counts nothing). */
export async function signInGate(login: string, ip: string): Promise<SignInGate> {
  const [pair, account, address] = await Promise.all(counters(login, ip).map(([name, id, rule]) => peekEvents(name, id, rule)));
  if (!address!.ok) return { retryAfterSeconds: address!.retryAfterSeconds, needsCode: true };
  return { needsCode: !pair!.ok || !account!.ok };
}

/** Counts a failed attempt everywhere it counts. */
export async function countFailedSignIn(login: string, ip: string): Promise<void> {
  await Promise.all(counters(login, ip).map(([name, id, rule]) => recordEvent(name, id, rule)));
}

/** After a successful sign-in: this address's failures for the account are forgiven. */
async function forgive(login: string, ip: string): Promise<void> {
  const [name, id, rule] = counters(login, ip)[0]!;
  await clearEvents(name, id, rule).catch((error: unknown) => log.warn({ err: error }, "could not clear sign-in failures"));
}

export async function signInWithPassword(input: PasswordSignIn): Promise<SignInResult> {
  const gate = await signInGate(input.login, input.ip);
  if (gate.retryAfterSeconds !== undefined) return { ok: false, reason: "rate_limited", retryAfterSeconds: gate.retryAfterSeconds };
  const code = input.code?.trim() || undefined;
  const user = await checkCredentials(input.login, input.password);
  if (!user) {
    await countFailedSignIn(input.login, input.ip);
    if (!gate.needsCode) return { ok: false, reason: "invalid_credentials" };
    return { ok: false, reason: code ? "verification_failed" : "verification_required" };
  }
  if (user.disabled) return { ok: false, reason: "account_disabled" };
  if (!gate.needsCode) {
    await forgive(input.login, input.ip);
    return { ok: true, user };
  }

  // The right password, from an address (or for an account) that must also show it can read the account's mail.
  const target = parseIdentifier(input.login)!.value; // checkCredentials found the account by this identifier
  const locale = isLocale(user.locale) ? user.locale : input.locale;
  if (!code) {
    await issueSignInCode({ target, locale });
    return { ok: false, reason: "verification_required" };
  }
  const verified = await verifyCode({ purpose: "sign_in", target, code });
  if (verified === "ok") {
    await forgive(input.login, input.ip);
    return { ok: true, user };
  }
  await countFailedSignIn(input.login, input.ip);
  // No live code (expired, used up): a new one, which only the owner sees.
  if (verified === "expired") await issueSignInCode({ target, locale });
  return { ok: false, reason: "verification_failed" };
}
