// One load run for the benchmarks: a fixed number of requests over many connections, each request made by the
// next caller in a list (its own headers), with every response's status and time recorded. The requests go
// through undici's connection pool (the HTTP client Node's own fetch is built on).
import { Pool } from "undici";

const TIMEOUT_MS = 30_000;

export interface Caller {
  path: string;
  method?: "GET" | "POST";
  headers: Record<string, string>;
}

export interface LoadResult {
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  statuses: Record<number, number>;
  /** Milliseconds from the start until the response that made `countStatus` reach `countTarget`. */
  msToTarget: number | null;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/**
 * Sends `callers` (one request each, in order) over `connections` kept-alive connections, `connections`
 * requests in flight at any moment. Every connection is opened (and answers a GET /api/v1/ping) before the clock
 * starts, as behind a load balancer that keeps its upstream connections open: Node.js 20 (libuv 1.46) accepts
 * one connection per event-loop turn, so on a saturated server a burst of new connections waits seconds to be
 * accepted — up to a 30 s timeout, even for a bare node:http server — and that wait would swamp any p99.
 * (autocannon, which earlier versions used, opens its connections while the race runs, and cannot be told not to.)
 */
export async function fire(opts: { port: number; callers: Caller[]; connections: number; countStatus?: number; countTarget?: number }): Promise<LoadResult> {
  const pool = new Pool(`http://127.0.0.1:${opts.port}`, {
    connections: opts.connections,
    pipelining: 1,
    keepAliveTimeout: 120_000,
    keepAliveMaxTimeout: 120_000,
    headersTimeout: TIMEOUT_MS,
    bodyTimeout: TIMEOUT_MS,
  });
  try {
    // A wave of concurrent pings opens a connection per request, unless an early answer frees one first: repeat.
    for (let wave = 0; wave < 10 && pool.stats.connected < opts.connections; wave++) {
      await Promise.all(Array.from({ length: opts.connections }, async () => (await pool.request({ path: "/api/v1/ping", method: "GET" })).body.dump()));
    }
    const open = pool.stats.connected;
    if (open < opts.connections) throw new Error(`only ${open} of ${opts.connections} connections opened`);

    const latencies: number[] = [];
    const timeline: Array<[number, number]> = [];
    const statuses: Record<number, number> = {};
    let errors = 0;
    let msToTarget: number | null = null;
    let next = 0;
    const started = performance.now();
    const worker = async () => {
      while (next < opts.callers.length) {
        const caller = opts.callers[next++]!;
        const sent = performance.now();
        try {
          const res = await pool.request({ path: caller.path, method: caller.method ?? "POST", headers: caller.headers });
          await res.body.dump();
          const now = performance.now();
          latencies.push(now - sent);
          if (process.env.BENCH_DIAG) timeline.push([sent - started, now - sent]);
          statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
          if (msToTarget === null && opts.countStatus === res.statusCode && statuses[res.statusCode] === opts.countTarget) msToTarget = now - started;
        } catch {
          errors++;
        }
      }
    };
    await Promise.all(Array.from({ length: opts.connections }, worker));
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    if (process.env.BENCH_DIAG && timeline.length) diagnose(timeline, latencies);
    const requests = latencies.length;
    return { requests, seconds, rps: requests / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), errors, statuses, msToTarget };
  } finally {
    await pool.close();
  }
}

/** BENCH_DIAG=1: per second of sending, how many requests, how many at or above p95, and the worst latency. */
function diagnose(timeline: Array<[number, number]>, sorted: number[]): void {
  const p95 = percentile(sorted, 95);
  const bins = new Map<number, { n: number; max: number; slow: number }>();
  for (const [at, ms] of timeline) {
    const b = Math.floor(at / 1000);
    const bin = bins.get(b) ?? { n: 0, max: 0, slow: 0 };
    bin.n++;
    bin.max = Math.max(bin.max, ms);
    if (ms >= p95) bin.slow++;
    bins.set(b, bin);
  }
  console.error(`[diag] sent-at second: requests / ≥p95 (${p95.toFixed(0)} ms) / worst ms`);
  console.error([...bins].sort((a, b) => a[0] - b[0]).map(([b, v]) => `${b}s:${v.n}/${v.slow}/${v.max.toFixed(0)}`).join("  "));
}
