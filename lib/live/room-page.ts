// The live room page's gate, read once per request (React's cache()) by its layout, which answers 404 / sign in /
// 403 before anything streams (so the status is right), and by the page, which renders what passed.
import "server-only";
import { forbidden, notFound, redirect } from "next/navigation";
import { cache } from "react";
import { currentUserId } from "@/lib/auth/current-user";
import { roomRole, type RoomRole } from "./room";
import { liveRoomInfo, type LiveRoomInfo } from "./sessions";

const idOf = (raw: string) => (/^[1-9]\d{0,15}$/.test(raw) ? Number(raw) : 0);

export const liveRoomFor = cache(async (rawLessonId: string): Promise<{ info: LiveRoomInfo; userId: number; role: RoomRole }> => {
  const lessonId = idOf(rawLessonId);
  const info = await liveRoomInfo(lessonId);
  if (!info) notFound();
  const userId = await currentUserId();
  if (userId === null) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/live/${lessonId}`)}`);
  const role = await roomRole(userId, lessonId);
  if (!role) forbidden();
  return { info, userId, role };
});

export const liveRoomTitle = cache(async (rawLessonId: string) => (await liveRoomInfo(idOf(rawLessonId)))?.lessonTitle ?? null);
