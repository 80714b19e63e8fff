// Flash-sale settings. The pay window is 15 minutes; tests shorten it with SECKILL_PAY_WINDOW_SECONDS.
// Read once per process and validated: a bad value stops the process instead of silently defaulting.
import "server-only";
import { z } from "zod";

const schema = z.object({
  SECKILL_PAY_WINDOW_SECONDS: z.coerce.number().int().min(1).max(24 * 3600).default(15 * 60),
  /** Grab attempts per learner and sale, and per client address, in each rate window. */
  SECKILL_USER_LIMIT: z.coerce.number().int().min(1).default(10),
  SECKILL_IP_LIMIT: z.coerce.number().int().min(1).default(60),
  SECKILL_RATE_WINDOW_SECONDS: z.coerce.number().int().min(1).default(10),
});

let cached: z.infer<typeof schema> | undefined;

export function seckillConfig(): z.infer<typeof schema> {
  if (!cached) {
    const parsed = schema.safeParse(process.env);
    if (!parsed.success) throw new Error(`Flash-sale settings are invalid: ${parsed.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`).join("; ")}`);
    cached = parsed.data;
  }
  return cached;
}

/** Tests change the environment between cases. */
export function resetSeckillConfig(): void {
  cached = undefined;
}
