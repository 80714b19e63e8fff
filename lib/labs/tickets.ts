// One-time lab tickets. The lesson page (or the terminal, reconnecting) asks the web app for one after the
// app checked that the learner may open the lab; the gateway takes it with GETDEL on the upgrade and accepts it
// only from the same learner's session. A ticket seen twice, late, or by another account opens nothing.
import "server-only";
import { randomBytes } from "node:crypto";
import { key, redis } from "@/lib/redis";

export const TICKET_TTL_SECONDS = 60;
export const ticketKey = (ticket: string) => key("lab-ticket", ticket);
export const TICKET = /^[A-Za-z0-9_-]{43}$/;

export interface TicketClaims {
  userId: number;
  lessonId: number;
}

export async function issueLabTicket(claims: TicketClaims): Promise<string> {
  const ticket = randomBytes(32).toString("base64url");
  await redis().set(ticketKey(ticket), JSON.stringify(claims), { ex: TICKET_TTL_SECONDS });
  return ticket;
}

export function parseTicketClaims(raw: string | null): TicketClaims | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<TicketClaims>;
    if (!Number.isSafeInteger(value.userId) || !Number.isSafeInteger(value.lessonId)) return null;
    return { userId: value.userId!, lessonId: value.lessonId! };
  } catch {
    return null;
  }
}
