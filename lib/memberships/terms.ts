// Terms of membership: the one writer of `memberships` and `membership_terms` besides the expiry job. A paid
// membership item adds a term after whatever the learner holds (buying again extends from the current end,
// not from today); a refund ends its term when the refund completes and moves the terms after it earlier, so
// no time the learner paid for is lost and none is given twice. Each call locks the learner's membership row,
// so two payments arriving at once are placed one after the other.
import "server-only";
import { asc, eq } from "drizzle-orm";
import { membershipPlans, memberships, membershipTerms } from "@/db/schema";
import type { Tx } from "@/db/tx";
import { endMembershipAccess } from "@/lib/enrolments/grants";
import { addDays, BONUS_INTERVAL_DAYS, bonusCount, nextTerm, proRataRefundFen } from "./rules";

type TermRow = typeof membershipTerms.$inferSelect;

/** Locks (creating when missing) the learner's membership row. */
async function lockMembership(tx: Tx, userId: number, now: Date) {
  await tx.insert(memberships).ignore().values({ userId, expiresAt: now, endedAt: now, createdAt: now, updatedAt: now });
  const [row] = await tx.select().from(memberships).where(eq(memberships.userId, userId)).for("update");
  return row!;
}

export interface PaidMembershipItem {
  orderItemId: number;
  userId: number;
  planId: number;
  days: number;
  paidFen: number;
}

/** Adds the term a paid item bought; once per item, however often the payment is heard. Returns its end. */
export async function grantTerm(tx: Tx, item: PaidMembershipItem, now: Date): Promise<Date> {
  const membership = await lockMembership(tx, item.userId, now);
  const [existing] = await tx.select({ endsAt: membershipTerms.endsAt }).from(membershipTerms).where(eq(membershipTerms.orderItemId, item.orderItemId));
  if (existing) return existing.endsAt;
  const [plan] = await tx.select({ monthlyPoints: membershipPlans.monthlyPoints }).from(membershipPlans).where(eq(membershipPlans.id, item.planId));
  const running = membership.expiresAt > now;
  const { startsAt, endsAt } = nextTerm(running ? membership.expiresAt : null, item.days, now);
  const monthlyPoints = plan?.monthlyPoints ?? 0;
  await tx.insert(membershipTerms).values({
    userId: item.userId,
    planId: item.planId,
    orderItemId: item.orderItemId,
    days: item.days,
    startsAt,
    endsAt,
    paidFen: item.paidFen,
    monthlyPoints,
    nextBonusAt: monthlyPoints > 0 ? startsAt : null,
    createdAt: now,
  });
  await tx
    .update(memberships)
    .set({ planId: item.planId, expiresAt: endsAt, startedAt: running ? membership.startedAt ?? startsAt : startsAt, endedAt: null, updatedAt: now })
    .where(eq(memberships.userId, item.userId));
  return endsAt;
}

/** The term an order item bought, if any. */
export async function termOfItem(tx: Pick<Tx, "select">, orderItemId: number): Promise<TermRow | undefined> {
  const [term] = await tx.select().from(membershipTerms).where(eq(membershipTerms.orderItemId, orderItemId));
  return term;
}

/** What refunding the item's term would give back at `now` (pro rata); null when the item bought no term. */
export async function refundableTermFen(tx: Pick<Tx, "select">, orderItemId: number, now: Date): Promise<number | null> {
  const term = await termOfItem(tx, orderItemId);
  return term && !term.refundedAt ? proRataRefundFen(term, now) : term ? 0 : null;
}

/**
 * A refund of the item completed: its term ends now (or never begins), the terms after it move earlier, and
 * when no time is left the learner stops being a member at once, losing the courses membership opened.
 */
export async function endTermForRefund(tx: Tx, orderItemId: number, now: Date): Promise<void> {
  const term = await termOfItem(tx, orderItemId);
  if (!term || term.refundedAt) return;
  const membership = await lockMembership(tx, term.userId, now);
  const cut = now < term.startsAt ? term.startsAt : now < term.endsAt ? now : term.endsAt;
  await tx.update(membershipTerms).set({ endsAt: cut, refundedAt: now, nextBonusAt: null }).where(eq(membershipTerms.id, term.id));

  const terms = await tx
    .select()
    .from(membershipTerms)
    .where(eq(membershipTerms.userId, term.userId))
    .orderBy(asc(membershipTerms.startsAt), asc(membershipTerms.id))
    .for("update");
  let end: Date | null = null;
  let planId = membership.planId;
  for (const t of terms) {
    if (t.refundedAt) {
      if (t.startsAt < now && (!end || t.endsAt > end)) end = t.endsAt;
      continue;
    }
    if (t.startsAt > now) {
      const startsAt = end && end > now ? end : now;
      if (startsAt.getTime() !== t.startsAt.getTime()) {
        const left = t.nextBonusAt ? bonusCount(t.days) - t.bonusesGiven : 0;
        await tx
          .update(membershipTerms)
          .set({ startsAt, endsAt: addDays(startsAt, t.days), nextBonusAt: left > 0 ? addDays(startsAt, t.bonusesGiven * BONUS_INTERVAL_DAYS) : null })
          .where(eq(membershipTerms.id, t.id));
        t.startsAt = startsAt;
        t.endsAt = addDays(startsAt, t.days);
      }
    }
    if (!end || t.endsAt > end) end = t.endsAt;
    planId = t.planId;
  }
  const expiresAt = end && end > now ? end : now < membership.expiresAt ? now : membership.expiresAt;
  const ended = expiresAt <= now;
  if (ended) await endMembershipAccess(tx, term.userId);
  await tx
    .update(memberships)
    .set({ expiresAt, planId, endedAt: ended ? (membership.endedAt ?? now) : null, updatedAt: now })
    .where(eq(memberships.userId, term.userId));
}
