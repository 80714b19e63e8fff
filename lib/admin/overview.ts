// Figures for the admin home, each read only when the viewer may see the section it belongs to.
import "server-only";
import { and, count, eq, sum } from "drizzle-orm";
import { db } from "@/db";
import { courses, orders, users } from "@/db/schema";

export async function courseFigures() {
  const rows = await db().select({ status: courses.status, n: count() }).from(courses).groupBy(courses.status);
  const by = Object.fromEntries(rows.map((r) => [r.status, r.n]));
  return { published: by.published ?? 0, draft: by.draft ?? 0, archived: by.archived ?? 0 };
}

/** Paid orders and their revenue, of which what memberships brought in; pending orders. */
export async function orderFigures() {
  const [paid] = await db().select({ n: count(), revenue: sum(orders.totalFen) }).from(orders).where(eq(orders.status, "paid"));
  const [membership] = await db().select({ revenue: sum(orders.totalFen) }).from(orders).where(and(eq(orders.status, "paid"), eq(orders.source, "membership")));
  const [pending] = await db().select({ n: count() }).from(orders).where(eq(orders.status, "pending"));
  return { paid: paid?.n ?? 0, revenueFen: Number(paid?.revenue ?? 0), membershipRevenueFen: Number(membership?.revenue ?? 0), pending: pending?.n ?? 0 };
}

export async function userFigures() {
  const [all] = await db().select({ n: count() }).from(users);
  const [disabled] = await db().select({ n: count() }).from(users).where(eq(users.disabled, true));
  return { total: all?.n ?? 0, disabled: disabled?.n ?? 0 };
}
