// Redis keys of the flash sales (all under the deployment prefix):
//   seckill:sale:<id>        hash: seats (offered), left, start and end (ms since epoch), status
//   seckill:buyers:<id>      set of learner ids holding a seat (admitted, held or paid)
//   seckill:orders           stream of admissions the worker writes to MySQL (consumer group "writers")
//   seckill:outcome:<no>     what became of an admission the database refused (kept a day)
//   seckill:funnel:<day>     hash: sale id → grab attempts that UTC day (the admin dashboard reads it)
//   seckill:rl:u|ip:<..>     fixed-window counters of the admission script's rate limits
import "server-only";
import { key } from "@/lib/redis";

export const seckillKeys = {
  sale: (saleId: number) => key("seckill", "sale", saleId),
  buyers: (saleId: number) => key("seckill", "buyers", saleId),
  stream: () => key("seckill", "orders"),
  outcome: (orderNo: string) => key("seckill", "outcome", orderNo),
  funnel: (day: string) => key("seckill", "funnel", day),
  userRate: (saleId: number, userId: number) => key("seckill", "rl", "u", saleId, userId),
  ipRate: (ip: string) => key("seckill", "rl", "ip", ip),
};

export const STREAM_GROUP = "writers";

/** `YYYY-MM-DD` of the UTC day, the funnel hash's suffix. */
export function utcDay(at: Date = new Date()): string {
  return at.toISOString().slice(0, 10);
}
