// A local stand-in for Upstash: an HTTP server speaking Upstash's Redis REST protocol in front of a private
// redis-server, like Upstash's own serverless-redis-http. The web app's `@upstash/redis` client talks to it
// in development and tests. Routes:
//   POST /             ["SET","k","v"]           → {"result": ...} or 4xx/5xx {"error": ...}
//   GET|POST /set/k/v  (URL-decoded path; a POST body is appended as the last argument, then ?NAME=value pairs)
//   POST /pipeline     [["SET","k","v"],[...]]   → [{"result": ...}, {"error": ...}] (each command independent)
//   POST /multi-exec   same shape, run inside MULTI/EXEC; a command that fails to queue discards it all (400)
// `Upstash-Encoding: base64` base64-encodes every string in the result (see redis-rest-protocol.ts).
import { createHash, timingSafeEqual } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import IORedis from "ioredis";
import {
  commandFromPath,
  encodeResult,
  HttpError,
  isLoopbackHost,
  parseCommand,
  parseCommandList,
  parseJson,
  refusal,
  type RedisCommand,
} from "./redis-rest-protocol";
import { createScriptTranslator } from "./redis-rest-scripts";

export interface GatewayOptions {
  redisUrl: string;
  /** Sentinels to ask for the master named sentinelMaster; redisUrl is then only used in log lines. */
  sentinels?: Array<{ host: string; port: number }>;
  sentinelMaster?: string;
  token: string;
  /** Loopback only; default 127.0.0.1. */
  host?: string;
  /** 0 picks a free port. */
  port: number;
  /** Connection events worth a log line (Redis lost / back, unexpected failures). */
  log?: (msg: string, fields?: Record<string, unknown>) => void;
}

export interface Gateway {
  url: string;
  port: number;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 10 * 1024 * 1024;

type Result = { result: unknown } | { error: string };

const sha256 = (s: string) => createHash("sha256").update(s).digest();
const isReplyError = (e: unknown): e is Error => e instanceof Error && e.name === "ReplyError";

function send(res: http.ServerResponse, status: number, body: unknown, close = false): void {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(json),
    ...(close ? { connection: "close" } : {}),
  });
  res.end(json);
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  const tooLarge = () => new HttpError(413, `ERR Request body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB`);
  if (Number(req.headers["content-length"] ?? 0) > MAX_BODY_BYTES) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) return void chunks.push(chunk);
      req.off("data", onData);
      req.resume(); // discard the rest; the 413 answer closes the connection
      reject(tooLarge());
    };
    req.on("data", onData);
    req.once("end", () => resolve(Buffer.concat(chunks)));
    req.once("error", reject);
  });
}

export async function startRedisRestGateway(opts: GatewayOptions): Promise<Gateway> {
  const host = opts.host ?? "127.0.0.1";
  if (!isLoopbackHost(host)) throw new Error(`The Redis REST gateway only listens on loopback (127.0.0.1, ::1, localhost), not "${host}"`);
  if (!opts.token) throw new Error("The Redis REST gateway needs a non-empty token");
  const log = opts.log ?? (() => {});
  const expectedToken = sha256(opts.token);

  // Fail fast while Redis is down (no offline queue) and keep reconnecting at least once a second, forever.
  const connection = {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    retryStrategy: (attempt: number) => Math.min(attempt * 100, 1000),
    commandTimeout: 15_000,
  };
  // Behind Sentinel (the production topology), follow the master through a failover: ask the Sentinels again
  // on every reconnect, and reconnect when the old master, now a replica, answers READONLY.
  const redis = opts.sentinels?.length
    ? new IORedis({
        ...connection,
        sentinels: opts.sentinels,
        name: opts.sentinelMaster ?? "xuefu",
        reconnectOnError: (error: Error) => error.message.startsWith("READONLY"),
        // A hung master answers nothing and keeps the connection: follow the Sentinels' switch-master instead.
        failoverDetector: true,
      })
    : new IORedis(opts.redisUrl, connection);
  let connected = false;
  let reportedDown = false;
  redis.on("ready", () => {
    connected = true;
    reportedDown = false;
    log("Connected to Redis", { redisUrl: redactUrl(opts.redisUrl) });
  });
  redis.on("error", (error: Error) => {
    if (connected || !reportedDown) log("Redis connection failed; retrying every second", { error: error.message });
    connected = false;
    reportedDown = true;
  });

  const translate = createScriptTranslator();

  /** Runs one command; errors from Redis itself stay as they are, anything else means Redis is unreachable. */
  const call = async (command: RedisCommand): Promise<unknown> => {
    const refused = refusal(command);
    if (refused) throw new HttpError(400, refused);
    const [name, ...args] = translate(command);
    // Upper case keeps ioredis's per-command reply transformers (e.g. HGETALL → object) out of the way.
    return redis.callBuffer(name.toUpperCase(), ...args).catch(unavailable);
  };

  const unavailable = (error: unknown): never => {
    if (isReplyError(error) || error instanceof HttpError) throw error;
    throw new HttpError(503, `ERR Redis is unavailable: ${(error as Error).message}`);
  };

  const pipeline = async (commands: RedisCommand[], base64: boolean): Promise<Result[]> => {
    // ioredis writes these in order on its one connection: a pipeline, not atomic, each command on its own.
    const settled = await Promise.allSettled(commands.map(call));
    const down = settled.find((s) => s.status === "rejected" && s.reason instanceof HttpError && s.reason.status === 503);
    if (down) throw (down as PromiseRejectedResult).reason;
    return settled.map((s) => (s.status === "fulfilled" ? { result: encodeResult(s.value, base64) } : { error: (s.reason as Error).message }));
  };

  const multiExec = async (commands: RedisCommand[], base64: boolean): Promise<Result[]> => {
    for (const command of commands) {
      const refused = refusal(command);
      if (refused) throw new HttpError(400, `${refused} (the transaction was discarded)`);
    }
    // ioredis sends MULTI, the commands and EXEC in one write, so no other request's command lands in between.
    const tx = redis.multi();
    for (const command of commands) {
      const [name, ...args] = translate(command);
      tx.callBuffer(name.toUpperCase(), ...args);
    }
    const replies = await tx.exec().catch((error: unknown) => {
      const previous = (error as { previousErrors?: Error[] }).previousErrors?.[0];
      if (isReplyError(error) && previous) throw new HttpError(400, `${error.message} First error: ${previous.message}`);
      return unavailable(error);
    });
    if (!replies) throw new HttpError(400, "ERR The transaction was aborted");
    return replies.map(([error, reply]) => (error ? { error: error.message } : { result: encodeResult(reply, base64) }));
  };

  const authorized = (req: http.IncomingMessage, url: URL): boolean => {
    const header = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? "")?.[1];
    const given = header ?? url.searchParams.get("_token");
    return given !== null && given !== undefined && timingSafeEqual(sha256(given), expectedToken);
  };

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? "/", "http://gateway.invalid");
    if (!authorized(req, url)) return send(res, 401, { error: "Unauthorized" });
    const method = req.method ?? "GET";
    if (!["GET", "HEAD", "POST", "PUT"].includes(method)) return send(res, 405, { error: `Method ${method} is not allowed` });
    const base64 = String(req.headers["upstash-encoding"] ?? "").toLowerCase() === "base64";
    const body = await readBody(req);
    const withBody = method === "POST" || method === "PUT";
    const path = url.pathname;

    if (path === "/" || path === "/pipeline" || path === "/multi-exec") {
      if (!withBody) return send(res, 404, { error: "Not found: POST a command as a JSON array" });
      const json = parseJson(body);
      if (path === "/") return send(res, 200, { result: encodeResult(await call(parseCommand(json)), base64) });
      const commands = parseCommandList(json);
      return send(res, 200, await (path === "/pipeline" ? pipeline(commands, base64) : multiExec(commands, base64)));
    }
    const command = commandFromPath(url, withBody ? body : Buffer.alloc(0));
    send(res, 200, { result: encodeResult(await call(command), base64) });
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) return void res.destroy();
      if (error instanceof HttpError) return send(res, error.status, { error: error.message }, error.status === 413);
      if (isReplyError(error)) return send(res, 400, { error: error.message });
      log("Unexpected gateway error", { error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      send(res, 500, { error: "ERR Internal gateway error" });
    });
  });

  // Give Redis a moment so the first requests find it connected; start anyway if it is not up yet.
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, 2_000);
    redis.once("ready", () => (clearTimeout(timer), resolve()));
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(opts.port, host, () => (server.off("error", reject), resolve()));
    });
  } catch (error) {
    redis.disconnect();
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(":") ? `[${host}]` : host;

  return {
    url: `http://${urlHost}:${port}`,
    port,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      redis.disconnect();
    },
  };
}

function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(unparseable URL)";
  }
}
