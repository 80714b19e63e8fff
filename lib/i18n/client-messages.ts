// The message namespaces client components read (useTranslations in "use client" files). Only these are sent
// to the browser: the rest stays on the server, which keeps every page's HTML and RSC payload smaller.
// lib/i18n/client-messages.test.ts fails when a client component reads a namespace missing here.
export const CLIENT_NAMESPACES = [
  "Account",
  "AdminCoupons",
  "AdminNav",
  "AdminOrders",
  "AdminRoles",
  "AdminSeckill",
  "AdminUserDetail",
  "Auth",
  "Cart",
  "Common",
  "CourseDetail",
  "CourseEditor",
  "Header",
  "LanguageSwitch",
  "OAuth",
  "Orders",
  "ResetPassword",
  "Seckill",
  "SignUp",
  "States",
] as const;

export function clientMessages<M extends Record<string, unknown>>(messages: M): Partial<M> {
  const picked: Partial<M> = {};
  for (const name of CLIENT_NAMESPACES) if (name in messages) picked[name as keyof M] = messages[name as keyof M];
  return picked;
}
