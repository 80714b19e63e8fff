// What /admin/labs shows: the live labs (from the gateway's list in Redis) with who and which lesson.
import "server-only";
import { inArray } from "drizzle-orm";
import { db } from "@/db";
import { lessons, users } from "@/db/schema";
import { redis } from "@/lib/redis";
import { liveKey, parseLiveLab, type LiveLab } from "./leases";

export interface LiveLabRow extends LiveLab {
  userName: string;
  lessonTitle: string;
}

export async function liveLabs(): Promise<LiveLabRow[]> {
  const entries = (await redis().hgetall<Record<string, string>>(liveKey())) ?? {};
  const labs = Object.values(entries)
    .map((raw) => parseLiveLab(typeof raw === "string" ? raw : JSON.stringify(raw)))
    .filter((lab): lab is LiveLab => lab !== null)
    .sort((a, b) => a.startedAt - b.startedAt);
  if (labs.length === 0) return [];
  const [people, titles] = await Promise.all([
    db().select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, [...new Set(labs.map((l) => l.userId))])),
    db().select({ id: lessons.id, title: lessons.title }).from(lessons).where(inArray(lessons.id, [...new Set(labs.map((l) => l.lessonId))])),
  ]);
  const name = new Map(people.map((p) => [p.id, p.name]));
  const title = new Map(titles.map((l) => [l.id, l.title]));
  return labs.map((lab) => ({ ...lab, userName: name.get(lab.userId) ?? `#${lab.userId}`, lessonTitle: title.get(lab.lessonId) ?? `#${lab.lessonId}` }));
}
