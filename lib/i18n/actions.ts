"use server";
// Switching the UI language: validates the requested locale and remembers it in the locale cookie.
import { cookies } from "next/headers";
import { z } from "zod";
import { localeCookieMaxAge, localeCookieName, locales, type AppLocale } from "./config";

const setLocaleInput = z.enum(locales);

export type SetLocaleResult = { ok: true; locale: AppLocale } | { ok: false; error: { code: "invalid_locale"; message: string } };

export async function setLocale(locale: unknown): Promise<SetLocaleResult> {
  const parsed = setLocaleInput.safeParse(locale);
  if (!parsed.success) {
    return { ok: false, error: { code: "invalid_locale", message: `Unsupported locale; expected one of ${locales.join(", ")}` } };
  }
  (await cookies()).set(localeCookieName, parsed.data, {
    maxAge: localeCookieMaxAge,
    sameSite: "lax",
    path: "/",
  });
  return { ok: true, locale: parsed.data };
}
