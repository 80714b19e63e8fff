// Lab definitions and lab sessions in MariaDB. lib/labs owns both tables: the course editor writes definitions
// through lib/labs/admin-actions.ts, the gateway writes sessions (with their audit rows) through here.
import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { courses, labDefinitions, labSessions, lessons, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { isEnrolled } from "@/lib/enrolments/access";
import { canOpen, decideLessonAccess } from "@/lib/enrolments/lesson-access";
import type { LabLimits } from "./host";
import type { LabEndReason } from "./protocol";

export interface LabDefinition {
  lessonId: number;
  title: string;
  instructions: string;
  setupScript: string;
  checkCommand: string;
  limits: LabLimits;
}

type Row = typeof labDefinitions.$inferSelect;
const toDefinition = (row: Row): LabDefinition => ({
  lessonId: row.lessonId,
  title: row.title,
  instructions: row.instructions,
  setupScript: row.setupScript,
  checkCommand: row.checkCommand,
  limits: { minutes: row.minutes, memoryMb: row.memoryMb, processes: row.processes, cpuSeconds: row.cpuSeconds, diskMb: row.diskMb },
});

export async function getLabDefinition(lessonId: number): Promise<LabDefinition | null> {
  const [row] = await db().select().from(labDefinitions).where(eq(labDefinitions.lessonId, lessonId)).limit(1);
  return row ? toDefinition(row) : null;
}

export type LabAccess = { ok: true; definition: LabDefinition; courseId: number } | { ok: false; reason: "not_found" | "not_enrolled" };

/**
 * May this learner open this lesson's lab now? The lesson must be a lab lesson of a published course with a
 * lab defined, and the learner enrolled (or the lesson a free preview): the same rule as the lesson page.
 */
export async function labAccess(userId: number, lessonId: number): Promise<LabAccess> {
  const [row] = await db()
    .select({ courseId: lessons.courseId, kind: lessons.kind, isFreePreview: lessons.isFreePreview, status: courses.status })
    .from(lessons)
    .innerJoin(courses, eq(courses.id, lessons.courseId))
    .where(eq(lessons.id, lessonId))
    .limit(1);
  if (!row || row.kind !== "lab" || row.status !== "published") return { ok: false, reason: "not_found" };
  const definition = await getLabDefinition(lessonId);
  if (!definition) return { ok: false, reason: "not_found" };
  const enrolled = row.isFreePreview ? false : await isEnrolled(userId, row.courseId);
  if (!canOpen(decideLessonAccess(row, { userId, enrolled }))) return { ok: false, reason: "not_enrolled" };
  return { ok: true, definition, courseId: row.courseId };
}

async function learnerName(userId: number): Promise<string> {
  const [row] = await db().select({ name: users.name }).from(users).where(eq(users.id, userId)).limit(1);
  return row?.name ?? `user ${userId}`;
}

/** Records a lab session's start (its row and its audit entry, together). */
export async function recordLabStart(userId: number, lessonId: number, account: string, ip: string): Promise<number> {
  const name = await learnerName(userId);
  return db().transaction(async (tx) => {
    const [inserted] = await tx.insert(labSessions).values({ userId, lessonId, account }).$returningId();
    const id = Number(inserted!.id);
    await recordAudit(tx, { userId, name, ip, requestId: randomUUID() }, "LAB start", {
      targetType: "lab_session",
      targetId: id,
      summary: `${name} opened the lab of lesson ${lessonId} on ${account}`,
      after: { lessonId, account },
    });
    return id;
  });
}

/** Records a lab session's end; `by` is the admin who ended it, when one did. */
export async function recordLabEnd(sessionId: number, reason: LabEndReason, checksPassed: number, by?: { userId: number; name: string; ip: string }): Promise<void> {
  await db().transaction(async (tx) => {
    const [row] = await tx.select().from(labSessions).where(eq(labSessions.id, sessionId)).limit(1);
    if (!row || row.endedAt) return;
    await tx.update(labSessions).set({ endedAt: new Date(), endReason: reason, checksPassed }).where(and(eq(labSessions.id, sessionId), sql`${labSessions.endedAt} IS NULL`));
    const actor = by ?? { userId: row.userId, name: await learnerName(row.userId), ip: "gateway" };
    await recordAudit(tx, { ...actor, requestId: randomUUID() }, "LAB end", {
      targetType: "lab_session",
      targetId: sessionId,
      summary: `Lab session ${sessionId} (lesson ${row.lessonId}, ${row.account}) ended: ${reason}`,
      after: { reason, checksPassed, minutes: Math.round((Date.now() - row.startedAt.getTime()) / 60_000) },
    });
  });
}
