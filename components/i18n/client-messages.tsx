// A route segment's extra client messages: its layout wraps the segment in <ClientMessages namespaces={[...]}>,
// and the client components below read those namespaces besides the base ones (lib/i18n/client-messages.ts).
import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";
import { BASE_NAMESPACES, pickMessages, type Namespace } from "@/lib/i18n/client-messages";

export async function ClientMessages({ namespaces, children }: { namespaces: readonly Namespace[]; children: ReactNode }) {
  const messages = await getMessages();
  return <NextIntlClientProvider messages={pickMessages(messages, [...BASE_NAMESPACES, ...namespaces])}>{children}</NextIntlClientProvider>;
}

/** The root provider: the base namespaces only. */
export async function BaseClientMessages({ children }: { children: ReactNode }) {
  const messages = await getMessages();
  return <NextIntlClientProvider messages={pickMessages(messages, BASE_NAMESPACES)}>{children}</NextIntlClientProvider>;
}
