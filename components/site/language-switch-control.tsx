"use client";
// 中文 / English. The choice is stored by a server action (the NEXT_LOCALE cookie); refreshing the route then
// re-renders every server component, <html lang> and this control's props included, in the new language.
// The words come as props from the server (language-switch.tsx), so this island ships no i18n runtime.
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { setLocale } from "@/lib/i18n/actions";
import type { AppLocale } from "@/lib/i18n/config";
import styles from "./language-switch.module.css";

/** Each language is named in itself, so a reader finds theirs whatever the page is in. */
const OPTIONS: ReadonlyArray<{ locale: AppLocale; label: string }> = [
  { locale: "zh-CN", label: "中文" },
  { locale: "en", label: "English" },
];

export interface LanguageSwitchControlProps {
  current: AppLocale;
  /** The group's accessible name and the status message while switching, in the current language. */
  label: string;
  switching: string;
  className?: string;
}

export function LanguageSwitchControl({ current, label, switching, className }: LanguageSwitchControlProps) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  const choose = (locale: AppLocale) => {
    if (locale === current || pending) return;
    startTransition(async () => {
      try {
        const result = await setLocale(locale);
        if (result.ok) router.refresh();
      } catch (error) {
        // Offline or the server is unreachable: the page stays in the current language, which the pressed
        // button still shows truthfully.
        console.error("switching the language failed", error);
      }
    });
  };

  return (
    <div role="group" aria-label={label} aria-busy={pending || undefined} className={className ? `${styles.switch} ${className}` : styles.switch} data-testid="language-switch">
      {OPTIONS.map((option) => (
        <button
          key={option.locale}
          type="button"
          lang={option.locale}
          aria-pressed={option.locale === current}
          className={styles.option}
          onClick={() => choose(option.locale)}
        >
          {option.label}
        </button>
      ))}
      <span role="status" className={styles.status}>
        {pending ? switching : ""}
      </span>
    </div>
  );
}
