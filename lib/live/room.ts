// Who may be in a live room: staff who moderate live rooms (the permission of the moderator's delete
// endpoint, so one role grant covers both), and learners enrolled in the course. Everyone else is refused,
// at the page (403), at the chat endpoint and at the gateway when subscribing to the room's channel.
// No Next.js APIs here: the gateway process asks the same question.
import "server-only";
import { and, eq } from "drizzle-orm";
import { db } from "@/db";
import { courses, lessons } from "@/db/schema";
import { isEnrolled } from "@/lib/enrolments/access";
import { decide } from "@/lib/rbac/decide";
import { effectivePermissions } from "@/lib/rbac/permissions";

export type RoomRole = "moderator" | "learner";

/** The moderator tools' resource; holding it makes a user staff in every live room. */
export const MODERATE_ROUTE = "/api/v1/admin/live/[lessonId]/messages/[messageId]";

export async function isLiveModerator(userId: number): Promise<boolean> {
  const { permissions } = await effectivePermissions(userId);
  return decide({ userId, permissions }, "DELETE", MODERATE_ROUTE).outcome === "allow";
}

/** The course of a live lesson of a published course; null when there is no such room. */
async function roomCourse(lessonId: number): Promise<number | null> {
  const [row] = await db()
    .select({ courseId: lessons.courseId })
    .from(lessons)
    .innerJoin(courses, eq(courses.id, lessons.courseId))
    .where(and(eq(lessons.id, lessonId), eq(lessons.kind, "live"), eq(courses.status, "published")))
    .limit(1);
  return row?.courseId ?? null;
}

/** The user's part in the room, or null: not enrolled, not staff, or no such room. */
export async function roomRole(userId: number | null, lessonId: number): Promise<RoomRole | null> {
  if (userId === null || !Number.isSafeInteger(lessonId) || lessonId <= 0) return null;
  const courseId = await roomCourse(lessonId);
  if (courseId === null) return null;
  if (await isLiveModerator(userId)) return "moderator";
  return (await isEnrolled(userId, courseId)) ? "learner" : null;
}

/** The gateway's rule for `room:<lessonId>` channels. */
export async function mayJoinRoom(userId: number, channel: string): Promise<boolean> {
  const match = /^room:([1-9]\d{0,15})$/.exec(channel);
  if (!match) return false;
  return (await roomRole(userId, Number(match[1]))) !== null;
}
