// Which messages reach the browser. Client components read translations from the nearest
// NextIntlClientProvider, and whatever a provider holds is serialised into the page's HTML and RSC payload on
// every request, so each page sends only what its client components read:
// - BASE_NAMESPACES, from the root layout, on every page (the site header's islands, error boundaries);
// - more where a route segment needs them, declared in that segment's layout:
//   <ClientMessages namespaces={["Cart"]}>{children}</ClientMessages> (components/i18n/client-messages.tsx).
// lib/i18n/client-messages.test.ts follows every page's imports to its client components and fails when one
// reads a namespace its page does not provide.
import type { Messages } from "next-intl";

export type Namespace = keyof Messages;

export const BASE_NAMESPACES = ["Common", "Header", "LanguageSwitch", "States"] as const satisfies readonly Namespace[];

/** The given namespaces of a messages object (those it has). */
export function pickMessages<M extends Record<string, unknown>>(messages: M, namespaces: readonly string[]): Partial<M> {
  const picked: Partial<M> = {};
  for (const name of namespaces) if (name in messages) picked[name as keyof M] = messages[name as keyof M];
  return picked;
}
