// What an order's life means to the domains that sell through orders. Only lib/orders moves an order's status
// (pending → paid → refunding → refunded, pending → closed); a domain whose rows follow an order (a flash-sale
// seat) reacts here instead of writing orders itself. The reactions are listed per order
// source, so a new source does not compile until it says how it reacts. They run inside the transaction that
// changed the order, with the order row locked and changed, and commit or roll back with it; work that has to
// wait for the commit (Redis) they hand back, and the orders code runs it once the commit is done.
import "server-only";
import type { orderSources } from "@/db/schema";
import type { Tx } from "@/db/tx";
import { logger } from "@/lib/log";
import { flashSaleOrderReactions } from "@/lib/seckill/order-hooks";

export type OrderSource = (typeof orderSources)[number];

export interface OrderChange {
  orderId: number;
  userId: number;
  source: OrderSource;
  /** When it happened (the payment's time for `paid`). */
  at: Date;
}

/** Work to do after the commit; it must be safe to lose (a repair job finishes it) and is never retried here. */
export type AfterCommit = () => Promise<void>;

/** A new order, as its domain hears of it after the commit that placed it. */
export interface PlacedOrder extends OrderChange {
  orderNo: string;
  totalFen: number;
  payBefore: Date;
  status: "pending" | "paid";
}

export interface OrderReactions {
  /** The order was placed and committed (runs after the commit; a failure is logged, never retried). */
  placed?: (order: PlacedOrder) => Promise<void>;
  /** The order was paid (pending → paid). */
  paid?: (tx: Tx, change: OrderChange) => Promise<void>;
  /** The order closed unpaid (its pay window passed, or the learner cancelled it). */
  closed?: (tx: Tx, change: OrderChange) => Promise<AfterCommit | null>;
}

const reactions: Record<OrderSource, OrderReactions> = {
  cart: {},
  seckill: flashSaleOrderReactions,
  // A membership order's term follows its item (lib/orders/fulfil.ts); nothing else hangs on the order.
  membership: {},
};

const log = logger.child({ component: "order-events" });

export async function orderPaid(tx: Tx, change: OrderChange): Promise<void> {
  await reactions[change.source].paid?.(tx, change);
}

export async function orderClosed(tx: Tx, change: OrderChange): Promise<AfterCommit | null> {
  return (await reactions[change.source].closed?.(tx, change)) ?? null;
}

/** Runs a reaction's follow-up after the commit: the order's change stands whatever happens to it. */
export async function afterCommit(task: AfterCommit | null, change: Pick<OrderChange, "orderId" | "source">): Promise<void> {
  if (!task) return;
  try {
    await task();
  } catch (error) {
    log.error({ err: error, order: change.orderId, source: change.source }, "an order reaction's follow-up failed after the commit");
  }
}

/** After the commit that placed an order: its domain's reaction (a flash-sale seat: "you won", a pay reminder). */
export async function orderPlaced(order: PlacedOrder): Promise<void> {
  const react = reactions[order.source].placed;
  if (react) await afterCommit(() => react(order), order);
}
