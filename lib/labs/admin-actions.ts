"use server";
// Course admins write a lab lesson's lab (the lesson editor's lab form), and end a live lab from /admin/labs.
// Both are audited with the admin as the actor.
import { revalidatePath } from "next/cache";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { labDefinitions, lessons } from "@/db/schema";
import { sanitizeHtml } from "@/lib/content/sanitize";
import { fieldErrors } from "@/lib/http/api";
import { logger } from "@/lib/log";
import { redis } from "@/lib/redis";
import { adminAction } from "@/lib/rbac/guard";
import { endRequestsKey, liveKey, parseLiveLab } from "./leases";
import { labInput, type LabFormState } from "./schema";

const log = logger.child({ component: "labs-admin" });

export const saveLab = adminAction(
  "labs.save",
  { category: "courses", zh: "编辑实验课时", en: "Edit lab lessons", roles: ["course_admin"] },
  async (admin, raw: unknown): Promise<LabFormState> => {
    const parsed = labInput.safeParse(raw);
    if (!parsed.success) return { ok: false, error: "invalid_input", fields: fieldErrors(parsed.error) };
    const { lessonId, ...input } = parsed.data;
    try {
      return await db().transaction(async (tx) => {
        const [lesson] = await tx.select({ id: lessons.id, kind: lessons.kind, courseId: lessons.courseId }).from(lessons).where(eq(lessons.id, lessonId)).limit(1);
        if (!lesson || lesson.kind !== "lab") return { ok: false, error: "not_found" } as const;
        const [before] = await tx.select().from(labDefinitions).where(eq(labDefinitions.lessonId, lessonId)).limit(1);
        const values = { ...input, instructions: sanitizeHtml(input.instructions) };
        await tx.insert(labDefinitions).values({ lessonId, ...values }).onDuplicateKeyUpdate({ set: values });
        await admin.audit(tx, {
          targetType: "lesson",
          targetId: lessonId,
          summary: `${before ? "Edited" : "Created"} the lab of lesson ${lessonId}`,
          before: before ? { title: before.title, checkCommand: before.checkCommand, minutes: before.minutes, memoryMb: before.memoryMb } : null,
          after: { title: values.title, checkCommand: values.checkCommand, minutes: values.minutes, memoryMb: values.memoryMb, processes: values.processes, cpuSeconds: values.cpuSeconds, diskMb: values.diskMb },
        });
        revalidatePath(`/admin/courses/${lesson.courseId}/lessons/${lessonId}`);
        return { ok: true } as const;
      });
    } catch (error) {
      log.error({ err: error, lessonId }, "saving a lab failed");
      return { ok: false, error: "unavailable" };
    }
  },
);

/** Asks the lab host's gateway to end a live lab (it does within about a second). */
export const endLab = adminAction(
  "labs.end",
  { category: "courses", zh: "结束实验会话", en: "End lab sessions", roles: ["course_admin"] },
  async (admin, form: FormData): Promise<void> => {
    const token = String(form.get("token") ?? "");
    const lab = parseLiveLab(await redis().hget<string>(liveKey(), token));
    if (!lab) return;
    await redis().sadd(endRequestsKey(), token);
    await db().transaction((tx) =>
      admin.audit(tx, { targetType: "lab_session", targetId: lab.sessionId, summary: `Ended the lab session ${lab.sessionId} of user ${lab.userId} (lesson ${lab.lessonId})`, after: { account: lab.account } }),
    );
    revalidatePath("/admin/labs");
  },
);
