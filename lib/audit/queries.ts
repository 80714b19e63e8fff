// Reading the audit log for /admin/audit: newest first, filtered by actor (an id, or part of the name they
// had), action (an exact permission key, or a prefix such as "ACTION roles."), target and a date range.
import "server-only";
import { and, count, desc, eq, gte, like, lt, or, type SQL } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db";
import { auditLog } from "@/db/schema";

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)));

export const auditFilterSchema = z.object({
  actor: z.string().trim().min(1).max(64).optional(),
  action: z.string().trim().min(1).max(191).optional(),
  targetType: z.string().trim().min(1).max(32).optional(),
  targetId: z.string().trim().min(1).max(64).optional(),
  /** UTC days, both included. */
  from: day.optional(),
  to: day.optional(),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

export interface AuditRow {
  id: number;
  createdAt: Date;
  actorId: number | null;
  actorName: string;
  action: string;
  targetType: string;
  targetId: string;
  summary: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  ip: string;
  requestId: string;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** "ACTION roles." and "ACTION roles.*" are prefixes; anything else is one exact key. */
export function actionCondition(action: string): SQL {
  if (action.endsWith("*")) return like(auditLog.action, `${escapeLike(action.slice(0, -1))}%`);
  if (action.endsWith(".") || action.endsWith(" ") || action.endsWith("/")) return like(auditLog.action, `${escapeLike(action)}%`);
  return eq(auditLog.action, action);
}

function conditions(filter: AuditFilter): SQL | undefined {
  const where: SQL[] = [];
  if (filter.actor) {
    const byName = like(auditLog.actorName, `%${escapeLike(filter.actor)}%`);
    where.push(/^\d{1,15}$/.test(filter.actor) ? or(eq(auditLog.actorId, Number(filter.actor)), byName)! : byName);
  }
  if (filter.action) where.push(actionCondition(filter.action));
  if (filter.targetType) where.push(eq(auditLog.targetType, filter.targetType));
  if (filter.targetId) where.push(eq(auditLog.targetId, filter.targetId));
  if (filter.from) where.push(gte(auditLog.createdAt, new Date(`${filter.from}T00:00:00.000Z`)));
  if (filter.to) where.push(lt(auditLog.createdAt, new Date(Date.parse(`${filter.to}T00:00:00.000Z`) + 86_400_000)));
  return where.length > 0 ? and(...where) : undefined;
}

export async function listAuditRows(filter: AuditFilter, page: number, perPage: number): Promise<{ rows: AuditRow[]; total: number }> {
  const where = conditions(filter);
  const [rows, [totalRow]] = await Promise.all([
    db()
      .select()
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
      .limit(perPage)
      .offset((Math.max(1, page) - 1) * perPage),
    db().select({ total: count() }).from(auditLog).where(where),
  ]);
  return {
    total: totalRow?.total ?? 0,
    rows: rows.map((r) => ({
      id: r.id,
      createdAt: r.createdAt,
      actorId: r.actorId,
      actorName: r.actorName,
      action: r.action,
      targetType: r.targetType,
      targetId: r.targetId,
      summary: r.summary,
      before: parseJson(r.before),
      after: parseJson(r.after),
      ip: r.ip,
      requestId: r.requestId,
    })),
  };
}

/** MariaDB keeps JSON columns as text, so mysql2 may hand them back as strings. */
function parseJson(value: unknown): Record<string, unknown> | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") {
    try {
      const parsed: unknown = JSON.parse(value);
      return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : { value: parsed };
    } catch {
      return { value };
    }
  }
  return typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : { value };
}
