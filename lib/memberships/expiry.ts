// The membership housekeeping the worker runs every minute (lib/jobs), each part safe to run on several
// workers at once, again after a crash, and over any backlog:
// - expiry: memberships whose end has passed are turned back into ordinary learners exactly once (the
//   courses membership opened are ended; `ended_at` marks it done). Batches are claimed with
//   SELECT … FOR UPDATE SKIP LOCKED, so two workers take different members, and each batch commits alone;
// - reminders 7 days and 1 day before the end, through the notification centre (lib/notifications, after the
//   claim commits), which sends them in-app, by email or SMS as the learner chose; a reminder is claimed by
//   recording the end date it was sent for, so it goes out once per end date (a renewal moves the end date,
//   and with it the reminders), and the centre's key (kind, days, end date) keeps a retry from doubling it;
// - the monthly points bonus of each term, once per 30 days the term has begun (the ledger's unique key
//   backs that up).
import "server-only";
import { and, asc, eq, gt, isNotNull, isNull, lte, ne, or, sql } from "drizzle-orm";
import { db } from "@/db";
import { memberships, membershipTerms, users } from "@/db/schema";
import { affectedRows } from "@/db/tx";
import { endMembershipAccess } from "@/lib/enrolments/grants";
import { addPoints } from "@/lib/leaderboards/store";
import { logger } from "@/lib/log";
import { notify } from "@/lib/notifications";
import { addDays, BONUS_INTERVAL_DAYS, bonusCount } from "./rules";

const log = logger.child({ component: "memberships" });
const BATCH = 100;

/** Ends the memberships that have run out by `now`; returns how many learners were downgraded. */
export async function expireMemberships(now: Date, batch = BATCH): Promise<number> {
  let done = 0;
  for (;;) {
    const claimed = await db().transaction(async (tx) => {
      const due = await tx
        .select({ userId: memberships.userId })
        .from(memberships)
        .where(and(isNull(memberships.endedAt), lte(memberships.expiresAt, now)))
        .orderBy(asc(memberships.expiresAt))
        .limit(batch)
        .for("update", { skipLocked: true });
      for (const { userId } of due) {
        await endMembershipAccess(tx, userId);
        await tx.update(memberships).set({ endedAt: now, updatedAt: now }).where(eq(memberships.userId, userId));
      }
      return due.length;
    });
    done += claimed;
    if (claimed < batch) break;
  }
  if (done > 0) log.info({ downgraded: done }, "memberships ended");
  return done;
}

type Reminder = { daysLeft: 1 | 7; column: typeof memberships.remindedDayFor };

const REMINDERS: Reminder[] = [
  // The day reminder first: a member who is due both (a short term, or a worker that was down) gets only it.
  { daysLeft: 1, column: memberships.remindedDayFor },
  { daysLeft: 7, column: memberships.remindedWeekFor },
];

/** Sends the reminders due at `now`; returns how many learners were told. */
export async function remindMembers(now: Date, batch = BATCH): Promise<number> {
  let sent = 0;
  for (const reminder of REMINDERS) {
    for (;;) {
      const queued = await db().transaction(async (tx) => {
        const due = await tx
          .select({ userId: memberships.userId, expiresAt: memberships.expiresAt, disabled: users.disabled, dayFor: memberships.remindedDayFor })
          .from(memberships)
          .innerJoin(users, eq(users.id, memberships.userId))
          .where(and(gt(memberships.expiresAt, now), lte(memberships.expiresAt, addDays(now, reminder.daysLeft)), or(isNull(reminder.column), ne(reminder.column, memberships.expiresAt))))
          .limit(batch)
          .for("update", { skipLocked: true });
        const toTell: Array<{ userId: number; endsAt: Date }> = [];
        for (const member of due) {
          await tx
            .update(memberships)
            .set(reminder.daysLeft === 1 ? { remindedDayFor: member.expiresAt } : { remindedWeekFor: member.expiresAt })
            .where(eq(memberships.userId, member.userId));
          // Already told a day before: the week reminder is only marked.
          if (reminder.daysLeft === 7 && member.dayFor?.getTime() === member.expiresAt.getTime()) continue;
          if (!member.disabled) toTell.push({ userId: member.userId, endsAt: member.expiresAt });
        }
        return { found: due.length, toTell };
      });
      // Once the claim has committed (as the bonuses' points below).
      for (const member of queued.toTell) {
        const endsAt = member.endsAt.toISOString();
        const told = await notify(member.userId, "membership.ending", { endsAt, daysLeft: reminder.daysLeft }, { key: `membership.ending:${reminder.daysLeft}:${endsAt}` }).catch((error: unknown) => {
          log.error({ err: error, userId: member.userId }, "the membership reminder failed");
          return false;
        });
        if (told) sent += 1;
      }
      if (queued.found < batch) break;
    }
  }
  if (sent > 0) log.info({ sent }, "membership reminders sent");
  return sent;
}

/** Gives the monthly points bonuses due at `now`; returns how many were given. */
export async function giveMonthlyBonuses(now: Date, batch = BATCH): Promise<number> {
  let given = 0;
  for (;;) {
    const awards = await db().transaction(async (tx) => {
      const due = await tx
        .select()
        .from(membershipTerms)
        .where(and(isNotNull(membershipTerms.nextBonusAt), lte(membershipTerms.nextBonusAt, now), isNull(membershipTerms.refundedAt)))
        .limit(batch)
        .for("update", { skipLocked: true });
      const out: Array<{ userId: number; points: number; at: Date }> = [];
      for (const term of due) {
        const index = term.bonusesGiven;
        const last = index + 1 >= bonusCount(term.days);
        await tx
          .update(membershipTerms)
          .set({ bonusesGiven: index + 1, nextBonusAt: last ? null : addDays(term.startsAt, (index + 1) * BONUS_INTERVAL_DAYS) })
          .where(eq(membershipTerms.id, term.id));
        const result = await tx.execute(
          sql`INSERT IGNORE INTO points_ledger (user_id, reason, ref_id, points, created_at) VALUES (${term.userId}, 'membership_bonus', ${term.id * 100 + index}, ${term.monthlyPoints}, ${term.nextBonusAt})`,
        );
        if (affectedRows(result) === 1) out.push({ userId: term.userId, points: term.monthlyPoints, at: term.nextBonusAt! });
      }
      return { found: due.length, out };
    });
    for (const award of awards.out) await addPoints(award.userId, award.points, award.at);
    given += awards.out.length;
    // A term long overdue (a worker that was down) may owe several bonuses: go round until none is due.
    if (awards.found === 0) break;
  }
  return given;
}

/** The job: expiry, reminders and bonuses, in that order. */
export async function sweepMemberships(now: Date): Promise<{ downgraded: number; reminded: number; bonuses: number }> {
  const downgraded = await expireMemberships(now);
  const reminded = await remindMembers(now);
  const bonuses = await giveMonthlyBonuses(now);
  return { downgraded, reminded, bonuses };
}
