// @ts-check
const createNextIntlPlugin = require("next-intl/plugin");

// Messages are precompiled at build time (lib/i18n/messages/*.json, loaded by lib/i18n/request.ts): the browser
// then gets next-intl's small formatter for compiled messages instead of the ICU parser and formatter, about
// 8 kB gzip less on every page's first load, and the server no longer parses a message on first use.
const withNextIntl = createNextIntlPlugin({
  requestConfig: "./lib/i18n/request.ts",
  experimental: { messages: { path: "./lib/i18n/messages", format: "json", locales: "infer", precompile: true } },
});

const isDev = process.env.NODE_ENV !== "production";

// The real-time gateway's origin when browsers reach it on one of its own (REALTIME_PUBLIC_URL as a ws(s):// URL,
// read at build time); a path such as "/ws" is this site's origin, which 'self' already allows.
const realtimeUrl = process.env.REALTIME_PUBLIC_URL ?? "";
const realtimeOrigin = /^wss?:\/\//.test(realtimeUrl) ? ` ${new URL(realtimeUrl).origin}` : "";

// Aliyun VOD's playback domain (VIDEO_PROVIDER=aliyun): the player fetches playlists and segments from it.
const vodOrigin = process.env.ALIYUN_VOD_PLAY_ORIGIN ? ` ${new URL(process.env.ALIYUN_VOD_PLAY_ORIGIN).origin}` : "";

// Sent with every response. Next.js hydrates with inline scripts, so script-src allows 'unsafe-inline'
// (a nonce-based policy would make every page uncacheable); development also needs eval for fast refresh.
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https:",
  "font-src 'self' data:",
  // hls.js plays through a MediaSource (a blob: URL) and transmuxes in a worker it starts from a blob.
  `media-src 'self' blob:${vodOrigin}`,
  "worker-src 'self' blob:",
  `connect-src 'self'${realtimeOrigin}${vodOrigin}${isDev ? " ws: wss:" : ""}`,
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "object-src 'none'",
].join("; ");

const securityHeaders = [
  { key: "Content-Security-Policy", value: contentSecurityPolicy },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native and Node-only packages stay out of the server bundle.
  serverExternalPackages: ["mysql2", "ioredis", "bullmq", "pino", "@node-rs/argon2", "@node-rs/jieba"],
  // The e2e suite builds into its own folder so it never clobbers a running `npm run dev`.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // forbidden() / unauthorized() answer 403 / 401 with their own pages (the admin guards use them).
  experimental: {
    authInterrupts: true,
    // globalNotFound: app/global-not-found.tsx answers unmatched URLs (see there why not a root not-found.tsx).
    globalNotFound: true,
    // Server actions take at most 2 MB, set on purpose rather than left at Next's 1 MB: the largest one, the
    // course editor's save, posts a whole course (a description may hold 200,000 characters, 600 kB of UTF-8,
    // plus the syllabus); every other action posts a form of a few kB. The HTTP server hook stops reading
    // a page's body at the same size (BODY_LIMITS.serverAction in lib/http/routes.ts; routes.test.ts checks).
    serverActions: { bodySizeLimit: "2mb" },
  },
  // Let middleware.ts see the client router's RSC headers and `_rsc` (Next strips them by default): the
  // full-page cache (lib/page-cache) must never answer those requests with HTML.
  skipProxyUrlNormalize: true,
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

module.exports = withNextIntl(nextConfig);
