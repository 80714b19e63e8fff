// Every setting the web app and the worker read, validated once at start-up. A bad or missing value stops the
// process with a message naming the variable; nothing falls back to an empty string.
// Development values are written by `npm run dev` (see scripts/local/env.ts) before the app starts.
import { z } from "zod";

const url = (what: string, protocols: string[]) =>
  z
    .string({ error: `${what} is not set` })
    .trim()
    .min(1, `${what} is not set`)
    .refine((value) => {
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    }, `${what} must be a ${protocols.join(" or ")} URL`);

const schema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  APP_URL: url("APP_URL", ["http:", "https:"]).default("http://localhost:3000"),
  DATABASE_URL: url("DATABASE_URL", ["mysql:", "mariadb:"]),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  UPSTASH_REDIS_REST_URL: url("UPSTASH_REDIS_REST_URL", ["http:", "https:"]),
  UPSTASH_REDIS_REST_TOKEN: z.string({ error: "UPSTASH_REDIS_REST_TOKEN is not set" }).min(16, "UPSTASH_REDIS_REST_TOKEN must be at least 16 characters"),
  REDIS_URL: url("REDIS_URL", ["redis:", "rediss:"]),
  /** Prefix for every Redis key and queue, so several environments can share one Redis. */
  REDIS_KEY_PREFIX: z
    .string()
    .regex(/^[a-z0-9:_-]{1,32}$/, "REDIS_KEY_PREFIX may hold only a-z, 0-9, ':', '_' and '-' (at most 32)")
    .default("xuefu"),
  /** "off" sends every catalogue read to MySQL (the benchmark's uncached path; an escape hatch in an incident). */
  CATALOGUE_CACHE: z.enum(["on", "off"]).default("on"),
  AUTH_SECRET: z.string({ error: "AUTH_SECRET is not set" }).min(32, "AUTH_SECRET must be at least 32 characters"),
  /** JSON array of RSA private keys as JWKs, newest first; the first signs, the rest still verify. */
  AUTH_JWT_KEYS: z
    .string({ error: "AUTH_JWT_KEYS is not set" })
    .min(2, "AUTH_JWT_KEYS is not set")
    .refine((raw) => {
      try {
        const keys = JSON.parse(raw) as unknown;
        return Array.isArray(keys) && keys.length > 0 && keys.every((k) => typeof k === "object" && k && "kid" in k && "d" in k && (k as { kty?: string }).kty === "RSA");
      } catch {
        return false;
      }
    }, "AUTH_JWT_KEYS must be a JSON array of RSA private keys in JWK form, each with a kid (newest first)"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type Env = z.infer<typeof schema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}\nSee .env.example for every setting.`);
    this.name = "ConfigError";
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join(".") || "env"}: ${issue.message}`));
  }
  return result.data;
}

let cached: Env | undefined;

/** The validated settings of this process. Throws a ConfigError naming every bad variable. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
