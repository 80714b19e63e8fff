// Every setting the web app and the worker read, validated once at start-up. A bad or missing value stops the
// process with a message naming the variable; nothing falls back to an empty string.
// Development values are written by `npm run dev` (see scripts/local/env.ts) before the app starts.
import { z } from "zod";
import { parseProxyList } from "@/lib/http/ip";

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

/** Each payment provider's settings, all set or none (the gateway URLs have production defaults). */
export const PAYMENT_ENV_GROUPS = [
  ["ALIPAY_APP_ID", "ALIPAY_SELLER_ID", "ALIPAY_PRIVATE_KEY", "ALIPAY_PUBLIC_KEY"],
  ["WECHATPAY_MCH_ID", "WECHATPAY_APP_ID", "WECHATPAY_PRIVATE_KEY", "WECHATPAY_CERT_SERIAL", "WECHATPAY_PLATFORM_PUBLIC_KEY", "WECHATPAY_PLATFORM_KEY_ID", "WECHATPAY_API_V3_KEY"],
  ["UNIONPAY_MER_ID", "UNIONPAY_PRIVATE_KEY", "UNIONPAY_CERT_ID", "UNIONPAY_VERIFY_CERT"],
] as const;

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
  /**
   * "on" lets the end-to-end suite move a learner's membership clock through Redis (lib/clock.ts). Refused
   * unless the app runs on localhost: a public site never has it.
   */
  XUEFU_TEST_CLOCK: z.enum(["on", "off"]).default("off"),
  /** The real-time gateway (lib/realtime, `npm run gateway`): where it listens. */
  REALTIME_HOST: z.string().trim().min(1).default("127.0.0.1"),
  REALTIME_PORT: z.coerce.number().int().min(0).max(65535).default(3200),
  /**
   * Where browsers open the gateway's socket: a path on the site's own origin ("/ws", routed to the gateway by
   * the load balancer) or a ws:/wss: URL of its own (development, the end-to-end suite). The CSP allows it.
   */
  REALTIME_PUBLIC_URL: z
    .string()
    .trim()
    .default("/ws")
    .refine((value) => /^\/[A-Za-z0-9/_-]*$/.test(value) || /^wss?:\/\/[^\s/]+\/[A-Za-z0-9/_-]*$/.test(value), "REALTIME_PUBLIC_URL must be a path (/ws) or a ws:// or wss:// URL"),
  /** Minutes a learner has to pay an order before it closes (flash-sale seats have their own window). */
  ORDER_PAY_MINUTES: z.coerce.number().int().min(1).max(1440).default(30),
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
  /**
   * The load balancers and reverse proxies in front of the web instances, whose X-Forwarded-For is believed:
   * comma-separated addresses and CIDR ranges, IPv4 or IPv6. Empty: nothing is believed, and the socket's peer
   * is the client (lib/http/client-ip.ts).
   */
  TRUSTED_PROXIES: z
    .string()
    .default("")
    .superRefine((raw, ctx) => {
      const parsed = parseProxyList(raw);
      if (!parsed.ok) ctx.addIssue({ code: "custom", message: `TRUSTED_PROXIES must list IP addresses or CIDR ranges separated by commas; not valid: ${parsed.invalid.join(", ")}` });
    }),
  /** Where the local storage adapter keeps uploads (default .data/uploads); unused when S3 is configured. */
  UPLOAD_DIR: z.string().trim().min(1).optional(),
  /** S3-compatible object storage for uploads: all six set together, or none (local disk). */
  S3_ENDPOINT: url("S3_ENDPOINT", ["http:", "https:"]).optional(),
  S3_BUCKET: z.string().trim().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "S3_BUCKET must be a valid bucket name").optional(),
  S3_REGION: z.string().trim().regex(/^[a-z0-9-]{2,32}$/, "S3_REGION must look like us-east-1 or cn-north-1").optional(),
  S3_ACCESS_KEY_ID: z.string().trim().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().trim().min(1).optional(),
  /** Public https base URL the uploaded objects are read from (a CDN or the bucket's public endpoint). */
  S3_PUBLIC_URL: url("S3_PUBLIC_URL", ["https:"]).optional(),
  /** Where video uploads, transcoding work and (on local disk) the private renditions live (default .data/media). */
  MEDIA_DIR: z.string().trim().min(1).optional(),
  /** Largest video an admin may upload, in MB. */
  VIDEO_MAX_UPLOAD_MB: z.coerce.number().int().min(1).max(100_000).default(4096),
  /** Longest video accepted, in minutes: a longer one fails with a clear reason instead of transcoding for hours. */
  VIDEO_MAX_DURATION_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(300),
  /** Transcodes one worker runs at once (ffmpeg uses every core; more than one starves a small machine). */
  VIDEO_TRANSCODE_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(1),
  /** How long a signed playback URL stays valid, in seconds. */
  VIDEO_URL_TTL_SECONDS: z.coerce.number().int().min(10).max(7 * 24 * 3600).default(4 * 3600),
  /** Hours after which an unfinished upload is removed. */
  VIDEO_UPLOAD_EXPIRY_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(24),
  /**
   * Who transcodes and serves lesson videos (lib/media/providers): "local" (the worker's ffmpeg, private
   * storage, /media/ signed URLs) or "aliyun" (ApsaraVideo VOD: the worker hands the upload to VOD, VOD's
   * callbacks mark it ready, playback URLs come from GetPlayInfo with CDN auth keys). Existing videos keep the
   * provider they were made with.
   */
  VIDEO_PROVIDER: z.enum(["local", "aliyun"]).default("local"),
  /** Aliyun VOD's RPC endpoint (the region's, or the local stand-in http://127.0.0.1:8097 in development). */
  ALIYUN_VOD_ENDPOINT: url("ALIYUN_VOD_ENDPOINT", ["http:", "https:"]).default("https://vod.cn-shanghai.aliyuncs.com"),
  /** A RAM user's AccessKey pair allowed AliyunVODFullAccess (CreateUploadVideo, GetPlayInfo). */
  ALIYUN_VOD_ACCESS_KEY_ID: z.string().trim().regex(/^[A-Za-z0-9]{12,64}$/, "ALIYUN_VOD_ACCESS_KEY_ID must be a RAM AccessKey ID").optional(),
  ALIYUN_VOD_ACCESS_KEY_SECRET: z.string().trim().min(16, "ALIYUN_VOD_ACCESS_KEY_SECRET must be the AccessKey secret").optional(),
  /** The callback authentication key set in the VOD console (event notification, HTTP callback). */
  ALIYUN_VOD_CALLBACK_KEY: z.string().trim().min(8, "ALIYUN_VOD_CALLBACK_KEY must be the callback key set in the VOD console (at least 8 characters)").optional(),
  /** Transcoding template group for uploads; VOD's default group when not set. */
  ALIYUN_VOD_TEMPLATE_GROUP_ID: z.string().trim().regex(/^[0-9a-f]{32}$/, "ALIYUN_VOD_TEMPLATE_GROUP_ID must be a 32-character template group id").optional(),
  /**
   * Origin of the VOD playback domain (https://vod.example.com), allowed in the Content-Security-Policy so the
   * player may fetch from it. Read when the app is built (next.config.js).
   */
  ALIYUN_VOD_PLAY_ORIGIN: url("ALIYUN_VOD_PLAY_ORIGIN", ["http:", "https:"]).optional(),
  // Payment providers (lib/payments): each provider's settings go together; a provider with none is off.
  // Keys are PEM (newlines may be written as \n) or bare base64 bodies; see .env.example.
  ALIPAY_APP_ID: z.string().trim().regex(/^\d{16}$/, "ALIPAY_APP_ID must be the 16-digit app id").optional(),
  ALIPAY_SELLER_ID: z.string().trim().regex(/^2088\d{12}$/, "ALIPAY_SELLER_ID must be the 16-digit partner id starting 2088").optional(),
  ALIPAY_PRIVATE_KEY: z.string().trim().min(100, "ALIPAY_PRIVATE_KEY must be an RSA private key").optional(),
  ALIPAY_PUBLIC_KEY: z.string().trim().min(100, "ALIPAY_PUBLIC_KEY must be Alipay's RSA public key").optional(),
  ALIPAY_GATEWAY_URL: url("ALIPAY_GATEWAY_URL", ["http:", "https:"]).default("https://openapi.alipay.com/gateway.do"),
  WECHATPAY_MCH_ID: z.string().trim().regex(/^\d{8,12}$/, "WECHATPAY_MCH_ID must be the numeric merchant id").optional(),
  WECHATPAY_APP_ID: z.string().trim().regex(/^wx[0-9a-f]{16}$/, "WECHATPAY_APP_ID must look like wx0123456789abcdef").optional(),
  WECHATPAY_PRIVATE_KEY: z.string().trim().min(100, "WECHATPAY_PRIVATE_KEY must be the merchant API private key").optional(),
  WECHATPAY_CERT_SERIAL: z.string().trim().regex(/^[0-9A-Fa-f]{8,64}$/, "WECHATPAY_CERT_SERIAL must be the merchant certificate serial number (hex)").optional(),
  WECHATPAY_PLATFORM_PUBLIC_KEY: z.string().trim().min(100, "WECHATPAY_PLATFORM_PUBLIC_KEY must be WeChat Pay's public key or platform certificate").optional(),
  WECHATPAY_PLATFORM_KEY_ID: z.string().trim().min(8, "WECHATPAY_PLATFORM_KEY_ID must be the public key id (PUB_KEY_ID_...) or platform certificate serial").optional(),
  WECHATPAY_API_V3_KEY: z.string().refine((k) => Buffer.byteLength(k) === 32, "WECHATPAY_API_V3_KEY must be exactly 32 bytes").optional(),
  WECHATPAY_BASE_URL: url("WECHATPAY_BASE_URL", ["http:", "https:"]).default("https://api.mch.weixin.qq.com"),
  UNIONPAY_MER_ID: z.string().trim().regex(/^\d{15}$/, "UNIONPAY_MER_ID must be the 15-digit merchant id").optional(),
  UNIONPAY_PRIVATE_KEY: z.string().trim().min(100, "UNIONPAY_PRIVATE_KEY must be the signing certificate's private key").optional(),
  UNIONPAY_CERT_ID: z.string().trim().regex(/^\d{1,40}$/, "UNIONPAY_CERT_ID must be the signing certificate's serial number in decimal").optional(),
  UNIONPAY_VERIFY_CERT: z.string().trim().includes("BEGIN CERTIFICATE", { message: "UNIONPAY_VERIFY_CERT must be UnionPay's PEM signing certificate" }).optional(),
  UNIONPAY_GATEWAY_URL: url("UNIONPAY_GATEWAY_URL", ["http:", "https:"]).default("https://gateway.95516.com"),
}).superRefine((value, ctx) => {
  if (value.XUEFU_TEST_CLOCK === "on" && !["localhost", "127.0.0.1", "[::1]"].includes(new URL(value.APP_URL).hostname))
    ctx.addIssue({ code: "custom", path: ["XUEFU_TEST_CLOCK"], message: "XUEFU_TEST_CLOCK is a test hook: it may only be on when APP_URL is on localhost" });
  const s3 = ["S3_ENDPOINT", "S3_BUCKET", "S3_REGION", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY", "S3_PUBLIC_URL"] as const;
  const set = s3.filter((k) => value[k] !== undefined);
  if (set.length > 0 && set.length < s3.length) {
    for (const k of s3.filter((k) => value[k] === undefined)) ctx.addIssue({ code: "custom", path: [k], message: `${k} is not set (the S3 settings go together: ${set.join(", ")} ${set.length === 1 ? "is" : "are"} set)` });
  }
  if (value.VIDEO_PROVIDER === "aliyun") {
    for (const k of ["ALIYUN_VOD_ACCESS_KEY_ID", "ALIYUN_VOD_ACCESS_KEY_SECRET", "ALIYUN_VOD_CALLBACK_KEY"] as const) {
      if (value[k] === undefined) ctx.addIssue({ code: "custom", path: [k], message: `${k} is not set (VIDEO_PROVIDER is aliyun)` });
    }
  }
  for (const group of PAYMENT_ENV_GROUPS) {
    const given = group.filter((k) => value[k] !== undefined);
    if (given.length === 0 || given.length === group.length) continue;
    for (const k of group.filter((k) => value[k] === undefined)) {
      ctx.addIssue({ code: "custom", path: [k], message: `${k} is not set (a payment provider's settings go together: ${given.join(", ")} ${given.length === 1 ? "is" : "are"} set)` });
    }
  }
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
