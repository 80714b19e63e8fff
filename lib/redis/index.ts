// Redis for request handling: the `@upstash/redis` REST client (Upstash in production, the local gateway in
// development and tests). Every key goes through `key()` so environments sharing a Redis stay apart.
import "server-only";
import { Redis } from "@upstash/redis";
import { env } from "@/lib/config/env";

const holder = globalThis as unknown as { __xuefuRedis?: Redis };

export function redis(): Redis {
  holder.__xuefuRedis ??= new Redis({
    url: env().UPSTASH_REDIS_REST_URL,
    token: env().UPSTASH_REDIS_REST_TOKEN,
    // A few quick retries for network blips; never long enough to leave a request hanging when Redis is down.
    retry: { retries: 2, backoff: (attempt) => 50 * 2 ** attempt },
    // Values are stored as the application wrote them; callers parse JSON themselves where they stored JSON.
    automaticDeserialization: false,
  });
  return holder.__xuefuRedis;
}

/** `key("session", id)` → `xuefu:session:<id>` (with the configured prefix). */
export function key(...parts: Array<string | number>): string {
  return [env().REDIS_KEY_PREFIX, ...parts].join(":");
}
