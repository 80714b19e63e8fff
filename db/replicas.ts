// The read side of the read/write split: a pool-shaped object over the replicas' pools that drizzle uses like
// one mysql2 pool. Each read goes to the next replica in turn; a replica that cannot be reached (refused, reset,
// timed out: the connection, not the query, failed) is skipped for a few seconds and the read is retried on the
// primary at once, so a replica going down costs no request an error. Which reads come here is listed in
// db/index.ts. Its health is this process's own observation, so nothing here needs sharing between instances.
import type mysql from "mysql2/promise";
import { logger } from "@/lib/log";

const CONNECTION_ERRORS = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "ENOTFOUND", "EPIPE", "PROTOCOL_CONNECTION_LOST", "ER_CON_COUNT_ERROR", "ER_SERVER_SHUTDOWN"]);

export function isConnectionError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && CONNECTION_ERRORS.has(code);
}

export class ReplicaPool {
  private next = 0;
  private readonly downUntil: number[];

  constructor(
    private readonly replicas: mysql.Pool[],
    private readonly primary: () => mysql.Pool,
    /** How long a replica that failed is left alone before it is tried again. */
    private readonly retryAfterMs = 5_000,
  ) {
    this.downUntil = replicas.map(() => 0);
  }

  /** The index of the next replica that is not resting, or -1 when every one is. */
  private pick(): number {
    const now = Date.now();
    for (let i = 0; i < this.replicas.length; i++) {
      const at = (this.next + i) % this.replicas.length;
      if (this.downUntil[at]! <= now) {
        this.next = at + 1;
        return at;
      }
    }
    return -1;
  }

  private async run<T>(send: (pool: mysql.Pool) => Promise<T>): Promise<T> {
    const at = this.pick();
    if (at < 0) return send(this.primary());
    try {
      return await send(this.replicas[at]!);
    } catch (error) {
      if (!isConnectionError(error)) throw error;
      const wasUp = this.downUntil[at]! === 0 || this.downUntil[at]! < Date.now() - this.retryAfterMs;
      this.downUntil[at] = Date.now() + this.retryAfterMs;
      if (wasUp) logger.warn({ replica: at, code: (error as { code?: string }).code }, "read replica unreachable; reading from the primary");
      return send(this.primary());
    }
  }

  query(...args: Parameters<mysql.Pool["query"]>) {
    return this.run((pool) => (pool.query as (...a: unknown[]) => Promise<unknown>).apply(pool, args));
  }

  execute(...args: Parameters<mysql.Pool["execute"]>) {
    return this.run((pool) => (pool.execute as (...a: unknown[]) => Promise<unknown>).apply(pool, args));
  }

  getConnection() {
    return this.run((pool) => pool.getConnection());
  }

  async end(): Promise<void> {
    await Promise.all(this.replicas.map((pool) => pool.end()));
  }
}
