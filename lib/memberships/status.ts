// Who is a member, and the membership a learner sees on their account page. A learner is a member while
// their membership's end is in the future, to the millisecond; nothing is cached, so a purchase, a refund or
// an expiry shows at once.
import "server-only";
import { and, desc, eq, gt } from "drizzle-orm";
import { db } from "@/db";
import { membershipPlans, memberships, membershipTerms, orderItems, orders } from "@/db/schema";
import type { Executor } from "@/db/tx";
import type { MembershipPeriod } from "./rules";

export async function isMember(executor: Executor, userId: number, now: Date): Promise<boolean> {
  const [row] = await executor
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), gt(memberships.expiresAt, now)))
    .limit(1);
  return row !== undefined;
}

/** When the learner's membership ends (or ended); null when they never had one. */
export async function membershipEnd(executor: Executor, userId: number): Promise<Date | null> {
  const [row] = await executor.select({ expiresAt: memberships.expiresAt }).from(memberships).where(eq(memberships.userId, userId)).limit(1);
  return row?.expiresAt ?? null;
}

export interface TermView {
  id: number;
  period: MembershipPeriod;
  days: number;
  startsAt: Date;
  endsAt: Date;
  paidFen: number;
  refundedAt: Date | null;
  orderNo: string;
  createdAt: Date;
}

export interface MembershipView {
  active: boolean;
  /** The current plan (of the latest term bought). */
  period: MembershipPeriod | null;
  startedAt: Date | null;
  expiresAt: Date | null;
  /** Every term bought, newest first. */
  terms: TermView[];
}

export async function membershipOf(userId: number, now: Date): Promise<MembershipView> {
  const [row] = await db()
    .select({ expiresAt: memberships.expiresAt, startedAt: memberships.startedAt, period: membershipPlans.period })
    .from(memberships)
    .leftJoin(membershipPlans, eq(membershipPlans.id, memberships.planId))
    .where(eq(memberships.userId, userId))
    .limit(1);
  const terms = await db()
    .select({
      id: membershipTerms.id,
      period: membershipPlans.period,
      days: membershipTerms.days,
      startsAt: membershipTerms.startsAt,
      endsAt: membershipTerms.endsAt,
      paidFen: membershipTerms.paidFen,
      refundedAt: membershipTerms.refundedAt,
      orderNo: orders.orderNo,
      createdAt: membershipTerms.createdAt,
    })
    .from(membershipTerms)
    .innerJoin(membershipPlans, eq(membershipPlans.id, membershipTerms.planId))
    .innerJoin(orderItems, eq(orderItems.id, membershipTerms.orderItemId))
    .innerJoin(orders, eq(orders.id, orderItems.orderId))
    .where(eq(membershipTerms.userId, userId))
    .orderBy(desc(membershipTerms.startsAt), desc(membershipTerms.id))
    .limit(100);
  const active = row !== undefined && row.expiresAt > now;
  return { active, period: row?.period ?? null, startedAt: active ? (row?.startedAt ?? null) : null, expiresAt: row?.expiresAt ?? null, terms };
}
