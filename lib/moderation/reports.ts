// Learners flag reviews and posts ("report"); a flagged item joins the moderators' queue until one of them
// decides on it, which resolves every open report on it. Written only here.
import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { db } from "@/db";
import { contentReports, type reportTargets } from "@/db/schema";
import type { Executor } from "@/db/tx";

export type ReportTarget = (typeof reportTargets)[number];

/** Records one learner's report once (a second report by the same learner is a no-op). */
export async function fileReport(reporterId: number, targetType: ReportTarget, targetId: number, reason: string): Promise<void> {
  await db()
    .insert(contentReports)
    .values({ targetType, targetId, reporterId, reason: reason.slice(0, 255) })
    .onDuplicateKeyUpdate({ set: { reason: reason.slice(0, 255), resolvedAt: null } });
}

/** Closes the open reports on an item (a moderator has decided on it), in the decision's transaction. */
export async function resolveReports(executor: Executor, targetType: ReportTarget, targetId: number, now: Date): Promise<void> {
  await executor
    .update(contentReports)
    .set({ resolvedAt: now })
    .where(and(eq(contentReports.targetType, targetType), eq(contentReports.targetId, targetId), isNull(contentReports.resolvedAt)));
}
