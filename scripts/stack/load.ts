// The drills' load: learners buying courses (order → payment at the provider → its notification through nginx),
// grabbing flash-sale seats, and visitors reading the catalogue, all through nginx, each from its own loopback
// address (127.x.y.z) as real clients would be. Counts what each request came back with; a purchase step that
// fails in flight (connection lost, 502/503/504) is retried a few times, as a browser or a client app would.
import http from "node:http";
import { topology } from "./topology";

export interface Reply {
  status: number;
  body: unknown;
}

export interface Tally {
  requests: number;
  /** Connection errors and 5xx answers. */
  errors: number;
  statuses: Record<string, number>;
  /** Errors by route ("POST /api/v1/orders"), to tell which part of the load a failure hit. */
  errorsByRoute: Record<string, number>;
}

export const newTally = (): Tally => ({ requests: 0, errors: 0, statuses: {}, errorsByRoute: {} });
const route = (method: string, path: string) => `${method} ${path.split("?")[0]!.replace(/\/\d+|\/[A-Z0-9]{12,}/g, "/:id")}`;

const agents = new Map<string, http.Agent>();
/** A loopback address of its own for client number n: 127.1.0.2, 127.1.0.3, … (Linux routes all of 127/8). */
export const clientAddress = (n: number) => `127.1.${Math.floor(n / 250) % 256}.${(n % 250) + 2}`;

export function request(tally: Tally, address: string, method: string, path: string, opts: { headers?: Record<string, string>; json?: unknown; port?: number } = {}): Promise<Reply> {
  let agent = agents.get(address);
  if (!agent) agents.set(address, (agent = new http.Agent({ keepAlive: true, maxSockets: 4, localAddress: address })));
  const body = opts.json === undefined ? undefined : JSON.stringify(opts.json);
  tally.requests++;
  return new Promise((resolve) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port: opts.port ?? topology.httpPort,
        method,
        path,
        agent,
        timeout: 15_000,
        headers: { accept: "application/json", ...(body ? { "content-type": "application/json", "content-length": Buffer.byteLength(body) } : {}), ...opts.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const status = res.statusCode ?? 0;
          tally.statuses[status] = (tally.statuses[status] ?? 0) + 1;
          if (status >= 500) {
            tally.errors++;
            tally.errorsByRoute[route(method, path)] = (tally.errorsByRoute[route(method, path)] ?? 0) + 1;
          }
          const text = Buffer.concat(chunks).toString("utf8");
          let parsed: unknown = text;
          try {
            parsed = JSON.parse(text);
          } catch {
            // Not JSON (a page): kept as text.
          }
          resolve({ status, body: parsed });
        });
        res.on("error", () => resolve(fail()));
      },
    );
    const fail = (): Reply => {
      tally.errors++;
      tally.statuses.network = (tally.statuses.network ?? 0) + 1;
      tally.errorsByRoute[route(method, path)] = (tally.errorsByRoute[route(method, path)] ?? 0) + 1;
      return { status: 0, body: null };
    };
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", () => resolve(fail()));
    if (body) req.write(body);
    req.end();
  });
}

/** The same step again while it failed in flight: at most `tries` times, 300 ms apart. */
export async function withRetries(step: () => Promise<Reply>, tries = 4): Promise<Reply> {
  let reply = await step();
  for (let i = 1; i < tries && (reply.status === 0 || reply.status === 502 || reply.status === 503 || reply.status === 504); i++) {
    await new Promise((resolve) => setTimeout(resolve, 300));
    reply = await step();
  }
  return reply;
}

export function closeAgents(): void {
  for (const agent of agents.values()) agent.destroy();
  agents.clear();
}
