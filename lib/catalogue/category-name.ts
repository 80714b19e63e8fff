/** A category's name in the UI language. Pure, so client and server components can both use it. */
export function categoryName(category: { nameZh: string; nameEn: string }, locale: string): string {
  return locale === "en" ? category.nameEn : category.nameZh;
}
