// The language switch (中文 / English) for the site header and the admin top bar: the server supplies the
// current language and the words, the small client control (language-switch-control.tsx) does the switching.
import { getLocale, getTranslations } from "next-intl/server";
import { resolveLocale } from "@/lib/i18n/config";
import { LanguageSwitchControl } from "./language-switch-control";

export async function LanguageSwitch({ className }: { className?: string }) {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("LanguageSwitch")]);
  return <LanguageSwitchControl current={resolveLocale(locale)} label={t("label")} switching={t("switching")} className={className} />;
}
