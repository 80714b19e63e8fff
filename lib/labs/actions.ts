"use server";
// The terminal asks for a one-time lab ticket here each time it (re)connects. The learner comes from the
// session cookie, the lesson is checked like the gateway checks it, and the ticket lives a minute.
import { z } from "zod";
import { currentUserId } from "@/lib/auth/current-user";
import { logger } from "@/lib/log";
import { labAccess } from "./store";
import { issueLabTicket } from "./tickets";

const log = logger.child({ component: "labs" });

export type LabTicketResult = { ok: true; ticket: string } | { ok: false; error: "sign_in_required" | "not_found" | "not_enrolled" | "unavailable" };

const lessonIdInput = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export async function requestLabTicket(rawLessonId: unknown): Promise<LabTicketResult> {
  const userId = await currentUserId();
  if (userId === null) return { ok: false, error: "sign_in_required" };
  const lessonId = lessonIdInput.safeParse(rawLessonId);
  if (!lessonId.success) return { ok: false, error: "not_found" };
  try {
    const access = await labAccess(userId, lessonId.data);
    if (!access.ok) return { ok: false, error: access.reason };
    return { ok: true, ticket: await issueLabTicket({ userId, lessonId: lessonId.data }) };
  } catch (error) {
    log.error({ err: error, userId, lessonId: lessonId.data }, "issuing a lab ticket failed");
    return { ok: false, error: "unavailable" };
  }
}
