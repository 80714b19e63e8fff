// Every route handler's path, its methods and the largest request body it takes, in one table. The HTTP
// server hook (./server-hook.ts) answers wrong methods (405 with Allow) and oversized bodies (413) from it
// before Next.js reads anything; the handlers read their bodies with the same limits (readJson/readBody in
// ./api.ts), and the OpenAPI document states them. lib/http/routes.test.ts checks the table against the route
// files under app/, so a route added without a line here fails the tests.
// Pure data and matching: no server imports, so the hook can load it early.

export const HTTP_METHODS = ["GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

const KB = 1024;
const MB = 1024 * KB;

/** Largest request bodies, in bytes. */
export const BODY_LIMITS = {
  /** Any JSON request: a login, a cart, a refund. */
  json: 16 * KB,
  /** A whole course with its syllabus: a description may hold 200,000 characters (600 kB of UTF-8). */
  course: 2 * MB,
  /** One image of at most 5 MB, with room for the multipart boundaries and headers around it. */
  imageUpload: 5 * MB + 64 * KB,
  /** A payment provider's notification or return form (UnionPay's carries its certificate, ~4 kB). */
  paymentCallback: 64 * KB,
  /**
   * Server actions posted to pages. Must equal `serverActions.bodySizeLimit` in next.config.js (checked by
   * routes.test.ts): the course editor saves a whole course through one.
   */
  serverAction: 2 * MB,
  /** One Aliyun VOD event callback (a TranscodeComplete lists every stream; a few kB). */
  vodCallback: 64 * KB,
  /** One chunk of a resumable video upload (lib/media/uploads.ts UPLOAD_CHUNK_BYTES), with room to spare. */
  videoChunk: 8 * MB + 64 * KB,
  /**
   * A review, question or answer: room for a text well past its character limit in Chinese (3 bytes each), so
   * an over-long text is answered 422 naming the limit rather than 413.
   */
  communityPost: 128 * KB,
} as const;

export interface RouteSpec {
  methods: readonly HttpMethod[];
  /** Largest body of a POST, PUT or PATCH; BODY_LIMITS.json when not given. */
  bodyLimit?: number;
}

/** Route handlers by path pattern, as the folders under app/ name them (route groups left out). */
export const ROUTES: Record<string, RouteSpec> = {
  "/.well-known/jwks.json": { methods: ["GET"] },
  "/uploads/[...key]": { methods: ["GET"] },
  "/media/[token]/[...path]": { methods: ["GET"] },
  "/api/auth/[...nextauth]": { methods: ["GET", "POST"] },
  "/api/auth/oauth/[provider]": { methods: ["GET"] },
  "/api/auth/oauth/[provider]/callback": { methods: ["GET"] },
  "/api/health": { methods: ["GET"] },
  "/api/media/aliyun-vod/notify": { methods: ["POST"], bodyLimit: BODY_LIMITS.vodCallback },
  "/api/payments/alipay/notify": { methods: ["POST"], bodyLimit: BODY_LIMITS.paymentCallback },
  "/api/payments/unionpay/notify": { methods: ["POST"], bodyLimit: BODY_LIMITS.paymentCallback },
  "/api/payments/unionpay/return": { methods: ["GET", "POST"], bodyLimit: BODY_LIMITS.paymentCallback },
  "/api/payments/wechat/notify": { methods: ["POST"], bodyLimit: BODY_LIMITS.paymentCallback },
  "/api/v1/admin/courses": { methods: ["GET", "POST"], bodyLimit: BODY_LIMITS.course },
  "/api/v1/admin/courses/[id]": { methods: ["GET", "PUT", "PATCH", "DELETE"], bodyLimit: BODY_LIMITS.course },
  "/api/v1/admin/orders": { methods: ["GET"] },
  "/api/v1/admin/orders/[orderNo]/refunds": { methods: ["POST"] },
  "/api/v1/admin/orders/export": { methods: ["GET"] },
  "/api/v1/admin/uploads": { methods: ["POST"], bodyLimit: BODY_LIMITS.imageUpload },
  "/api/v1/admin/live/[lessonId]/announcements": { methods: ["POST"] },
  "/api/v1/admin/live/[lessonId]/messages/[messageId]": { methods: ["DELETE"] },
  "/api/v1/admin/live/[lessonId]/mutes": { methods: ["POST"] },
  "/api/v1/admin/video-uploads": { methods: ["POST"] },
  "/api/v1/admin/video-uploads/[id]": { methods: ["GET", "PATCH", "DELETE"], bodyLimit: BODY_LIMITS.videoChunk },
  "/api/v1/auth/codes": { methods: ["POST"] },
  "/api/v1/cart/quote": { methods: ["POST"] },
  "/api/v1/categories": { methods: ["GET"] },
  "/api/v1/courses": { methods: ["GET"] },
  "/api/v1/courses/[idOrSlug]": { methods: ["GET"] },
  "/api/v1/courses/[idOrSlug]/reviews": { methods: ["GET", "POST"], bodyLimit: BODY_LIMITS.communityPost },
  "/api/v1/reviews/[id]": { methods: ["GET", "PATCH", "DELETE"], bodyLimit: BODY_LIMITS.communityPost },
  "/api/v1/reviews/[id]/helpful": { methods: ["PUT", "DELETE"] },
  "/api/v1/reviews/[id]/reply": { methods: ["PUT"], bodyLimit: BODY_LIMITS.communityPost },
  "/api/v1/reviews/[id]/reports": { methods: ["POST"] },
  "/api/v1/live/[lessonId]/messages": { methods: ["POST"] },
  "/api/v1/lessons/[lessonId]/questions": { methods: ["GET", "POST"], bodyLimit: BODY_LIMITS.communityPost },
  "/api/v1/questions/[id]/answers": { methods: ["POST"], bodyLimit: BODY_LIMITS.communityPost },
  "/api/v1/leaderboards/[board]": { methods: ["GET"] },
  "/api/v1/membership/orders": { methods: ["POST"] },
  "/api/v1/membership/plans": { methods: ["GET"] },
  "/api/v1/membership/quote": { methods: ["POST"] },
  "/api/v1/leaderboards/[board]/history": { methods: ["GET"] },
  "/api/v1/me": { methods: ["GET"] },
  "/api/v1/me/progress/[lessonId]": { methods: ["GET", "PUT"] },
  "/api/v1/me/sessions": { methods: ["DELETE"] },
  "/api/v1/openapi.json": { methods: ["GET"] },
  "/api/v1/orders": { methods: ["GET", "POST"] },
  "/api/v1/orders/[orderNo]": { methods: ["GET"] },
  "/api/v1/orders/[orderNo]/cancel": { methods: ["POST"] },
  "/api/v1/orders/[orderNo]/payments": { methods: ["POST"] },
  "/api/v1/ping": { methods: ["GET"] },
  "/api/v1/search/suggestions": { methods: ["GET"] },
  "/api/v1/seckill/[id]": { methods: ["GET"] },
  "/api/v1/seckill/[id]/orders": { methods: ["POST"] },
  "/api/v1/seckill/[id]/token": { methods: ["GET"] },
  "/api/v1/seckill/bench/baseline": { methods: ["POST"] },
  "/api/v1/seckill/bench/ceiling": { methods: ["POST"] },
  "/api/v1/tokens": { methods: ["POST"] },
};

type Segment = { kind: "static"; text: string } | { kind: "param" } | { kind: "catchAll" };

interface CompiledRoute {
  pattern: string;
  spec: RouteSpec;
  segments: Segment[];
}

const compiled: CompiledRoute[] = Object.entries(ROUTES)
  .map(([pattern, spec]) => ({
    pattern,
    spec,
    segments: pattern
      .split("/")
      .filter(Boolean)
      .map((part): Segment => (part.startsWith("[...") ? { kind: "catchAll" } : part.startsWith("[") ? { kind: "param" } : { kind: "static", text: part })),
  }))
  // As Next.js routes: at each level a static segment beats a parameter, which beats a catch-all.
  .sort((a, b) => {
    const rank = { static: 0, param: 1, catchAll: 2 } as const;
    for (let i = 0; i < Math.max(a.segments.length, b.segments.length); i++) {
      const x = a.segments[i];
      const y = b.segments[i];
      if (!x || !y) return x ? -1 : 1;
      if (rank[x.kind] !== rank[y.kind]) return rank[x.kind] - rank[y.kind];
    }
    return 0;
  });

function matches(route: CompiledRoute, parts: string[]): boolean {
  for (let i = 0; i < route.segments.length; i++) {
    const segment = route.segments[i]!;
    if (segment.kind === "catchAll") return parts.length > i;
    const part = parts[i];
    if (part === undefined) return false;
    if (segment.kind === "static" && segment.text !== part) return false;
  }
  return parts.length === route.segments.length;
}

/**
 * The route handler a path reaches, if any: a decoded path, or its segments already decoded one by one (so an
 * encoded "/" stays inside its segment). A trailing slash is ignored, as Next.js redirects it.
 */
export function findRoute(path: string | readonly string[]): { pattern: string; spec: RouteSpec } | null {
  const parts = (typeof path === "string" ? path.split("/") : path).filter(Boolean);
  const route = compiled.find((r) => matches(r, parts));
  return route ? { pattern: route.pattern, spec: route.spec } : null;
}

/** What the Allow header says for a route: its methods, HEAD with GET, and OPTIONS (Next.js answers it). */
export function allowedMethods(spec: RouteSpec): HttpMethod[] {
  const allowed = new Set<HttpMethod>([...spec.methods, "OPTIONS"]);
  if (allowed.has("GET")) allowed.add("HEAD");
  return HTTP_METHODS.filter((m) => allowed.has(m));
}

export const bodyLimitOf = (spec: RouteSpec): number => spec.bodyLimit ?? BODY_LIMITS.json;

/** "16 kB", "2 MB": a limit as error messages state it. */
export function formatBytes(bytes: number): string {
  if (bytes >= MB && bytes % MB === 0) return `${bytes / MB} MB`;
  if (bytes >= MB) return `${(bytes / MB).toFixed(1)} MB`;
  return `${Math.round(bytes / KB)} kB`;
}
