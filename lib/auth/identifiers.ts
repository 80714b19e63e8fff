// What a person signs in with: an email address or a mainland-China mobile number, in one canonical form so
// that "Foo@Example.com " and "foo@example.com", or "138 1234 5678" and "+8613812345678", are the same account.
// Pure and free of server dependencies, so sign-in and sign-up forms can share the schema with the server.
import { z } from "zod";

export type Identifier = { kind: "email"; value: string } | { kind: "mobile"; value: string };

/** The `users.email` column holds at most 191 characters (a utf8mb4 unique index). */
const EMAIL_MAX = 191;
const email = z.email().max(EMAIL_MAX);

// Mainland mobile numbers have 11 digits and start 13-19. A country code may come first as +86, 86 or 0086.
const MOBILE = /^(?:\+86|0086|86)?(1[3-9]\d{9})$/;
// Separators people type or paste: spaces (also no-break and ideographic), hyphens, dots and parentheses.
const SEPARATORS = /[\s\u00a0\u3000().-]/g;

/**
 * Normalises and classifies a login identifier; null when it is neither a valid email address nor a mainland
 * mobile number. Emails are trimmed and lower-cased; mobiles become E.164 (`+8613812345678`).
 */
export function parseIdentifier(raw: string): Identifier | null {
  if (raw.length > 320) return null;
  const trimmed = raw.trim();
  if (trimmed.includes("@")) {
    const value = trimmed.toLowerCase();
    return email.safeParse(value).success ? { kind: "email", value } : null;
  }
  // NFKC turns the full-width digits and plus sign a Chinese input method may produce into ASCII.
  const compact = trimmed.normalize("NFKC").replace(SEPARATORS, "");
  const digits = MOBILE.exec(compact)?.[1];
  return digits ? { kind: "mobile", value: `+86${digits}` } : null;
}

export const IDENTIFIER_MESSAGE = "Enter an email address or a mainland China mobile number.";

/** A form or API field holding an email or mobile number; parses to the normalised Identifier. */
export const identifierSchema = z.string({ error: IDENTIFIER_MESSAGE }).transform((raw, ctx) => {
  const identifier = parseIdentifier(raw);
  if (identifier) return identifier;
  ctx.addIssue({ code: "custom", message: IDENTIFIER_MESSAGE });
  return z.NEVER;
});
