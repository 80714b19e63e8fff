// What state a live lesson is in at a given moment. The stored status records what staff decided (started by
// hand, ended early, cancelled); a scheduled lesson is live from its start to its planned end by the clock.
import type { liveStatuses } from "@/db/schema/live";

export type LiveStatus = (typeof liveStatuses)[number];

/** After the planned end, a lesson started by hand still counts as live for this long (overruns happen). */
export const OVERRUN_MS = 60 * 60 * 1000;

export function effectiveStatus(session: { status: LiveStatus; startsAt: Date; plannedMinutes: number }, now: Date): LiveStatus {
  if (session.status === "cancelled" || session.status === "ended") return session.status;
  const end = session.startsAt.getTime() + session.plannedMinutes * 60_000;
  if (session.status === "live") return now.getTime() < end + OVERRUN_MS ? "live" : "ended";
  if (now < session.startsAt) return "scheduled";
  return now.getTime() < end ? "live" : "ended";
}

/** Chat is open while the lesson is live, and in the half hour before it starts. */
export const CHAT_OPENS_BEFORE_MS = 30 * 60 * 1000;

export function chatOpen(session: { status: LiveStatus; startsAt: Date; plannedMinutes: number }, now: Date): boolean {
  const status = effectiveStatus(session, now);
  return status === "live" || (status === "scheduled" && session.startsAt.getTime() - now.getTime() <= CHAT_OPENS_BEFORE_MS);
}
