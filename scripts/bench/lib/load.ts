// One autocannon run for the benchmarks: a fixed number of requests over many connections, each request made
// by the next caller in a list (its own headers), with every response's status and time recorded.
import autocannon from "autocannon";

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

export async function fire(opts: { port: number; callers: Caller[]; connections: number; countStatus?: number; countTarget?: number }): Promise<LoadResult> {
  let next = 0;
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  let started = 0;
  let msToTarget: number | null = null;
  const result = await autocannon({
    url: `http://127.0.0.1:${opts.port}`,
    connections: opts.connections,
    amount: opts.callers.length,
    timeout: 30,
    requests: [
      {
        setupRequest: (request) => {
          const caller = opts.callers[next++ % opts.callers.length]!;
          if (started === 0) started = Date.now();
          return { ...request, method: caller.method ?? "POST", path: caller.path, headers: { ...request.headers, ...caller.headers } };
        },
      },
    ],
    setupClient: (client) =>
      client.on("response", (status: number, _bytes: number, responseTime: number) => {
        latencies.push(responseTime);
        statuses[status] = (statuses[status] ?? 0) + 1;
        if (msToTarget === null && opts.countStatus === status && statuses[status] === opts.countTarget) msToTarget = Date.now() - started;
      }),
  });
  latencies.sort((a, b) => a - b);
  const seconds = (result.finish.getTime() - result.start.getTime()) / 1000;
  const requests = latencies.length;
  return { requests, seconds, rps: requests / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), errors: result.errors + result.timeouts, statuses, msToTarget };
}
