// Reading roles for display.
import "server-only";
import { inArray } from "drizzle-orm";
import { db } from "@/db";
import { roles } from "@/db/schema";

export async function roleDisplayNames(keys: string[], locale: string): Promise<string[]> {
  if (keys.length === 0) return [];
  const rows = await db().select({ key: roles.key, nameZh: roles.nameZh, nameEn: roles.nameEn }).from(roles).where(inArray(roles.key, keys));
  return rows.map((r) => (locale === "en" ? r.nameEn : r.nameZh));
}
