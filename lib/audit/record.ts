// Writes one audit row per admin write, inside the write's own transaction so the log and the change commit
// or roll back together. The admin guards (lib/rbac/guard.ts) hand every admin action and API write an
// `audit` function bound to the actor, the permission key and the request.
import "server-only";
import { auditLog } from "@/db/schema";
import type { Database } from "@/db";

type Executor = Pick<Database, "insert">;

export interface AuditEntry {
  targetType: string;
  targetId: string | number;
  /** One readable line, e.g. "Disabled 李雷 (user 42)". */
  summary: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

export interface AuditActor {
  userId: number;
  name: string;
  ip: string;
  requestId: string;
}

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export async function recordAudit(executor: Executor, actor: AuditActor, action: string, entry: AuditEntry): Promise<void> {
  await executor.insert(auditLog).values({
    actorId: actor.userId,
    actorName: clip(actor.name, 64),
    action,
    targetType: entry.targetType,
    targetId: String(entry.targetId),
    summary: clip(entry.summary, 255),
    before: entry.before ?? null,
    after: entry.after ?? null,
    ip: clip(actor.ip, 64),
    requestId: clip(actor.requestId, 128),
  });
}
