// What became of a flash-sale admission, for the order page while the order is not in MySQL yet: the worker
// records the rare admission the database refused (Redis had lost data) under seckill:outcome:<orderNo> for
// a day. null means nothing was refused: the order is queued, or written.
import "server-only";
import { redis } from "@/lib/redis";
import { seckillKeys } from "./keys";

export type RefusedAdmission = "SOLD_OUT" | "ALREADY_PURCHASED" | "NOT_FOUND";

export async function refusedAdmission(orderNo: string): Promise<RefusedAdmission | null> {
  if (!/^\d{1,20}$/.test(orderNo)) return null;
  const reason = await redis().get<string>(seckillKeys.outcome(orderNo));
  return reason === "SOLD_OUT" || reason === "ALREADY_PURCHASED" || reason === "NOT_FOUND" ? reason : null;
}
