// The Upstash Redis REST protocol details the local gateway (redis-rest-gateway.ts) follows: what a command
// looks like in a request, which commands cannot work over stateless HTTP, and how replies become JSON.
// Reference: https://upstash.com/docs/redis/features/restapi and node_modules/@upstash/redis (HttpClient).
import net from "node:net";

/** One Redis argument: strings from JSON or the URL path, raw bytes from a request body. */
export type Arg = string | Buffer;
export type RedisCommand = [name: string, ...args: Arg[]];

const COMMAND_NAME = /^[A-Za-z][A-Za-z0-9._-]*$/;
const RESERVED_PATHS = new Set(["pipeline", "multi-exec"]);

/** An answer other than 200; the body is always `{"error": message}`, which the client puts in its UpstashError. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const describe = (v: unknown) => (v === null ? "null" : Array.isArray(v) ? "an array" : typeof v === "object" ? "an object" : typeof v);

/**
 * A command as a JSON array: `["SET", "key", "value", "EX", 100]`. Numbers and booleans are sent as their
 * text (the client serialises `redis.set(k, true)` as a JSON boolean).
 */
export function parseCommand(value: unknown, where = "The request body"): RedisCommand {
  const usage = `${where} must be a non-empty JSON array of strings and numbers, like ["SET","key","value"]`;
  if (!Array.isArray(value) || value.length === 0) throw new HttpError(400, `ERR ${usage}; got ${describe(value)}`);
  const [name, ...rest] = value as unknown[];
  if (typeof name !== "string" || name === "") throw new HttpError(400, `ERR ${usage}; the command name must be a string`);
  const args = rest.map((v, i): string => {
    if (typeof v === "string") return v;
    if ((typeof v === "number" && Number.isFinite(v)) || typeof v === "boolean") return String(v);
    throw new HttpError(400, `ERR ${usage}; argument ${i + 1} of ${name} is ${describe(v)}`);
  });
  return [name, ...args];
}

/** The body of `/pipeline` and `/multi-exec`: `[["SET","a","1"],["INCR","a"]]`. */
export function parseCommandList(value: unknown): RedisCommand[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new HttpError(400, `ERR The request body must be a non-empty JSON array of commands, like [["SET","a","1"],["GET","a"]]; got ${describe(value)}`);
  }
  return value.map((cmd, i) => parseCommand(cmd, `Command ${i + 1} of the request body`));
}

export function parseJson(body: Buffer): unknown {
  if (body.length === 0) throw new HttpError(400, "ERR The request body is empty; send a command as a JSON array");
  try {
    return JSON.parse(body.toString("utf8"));
  } catch (error) {
    throw new HttpError(400, `ERR The request body is not valid JSON: ${(error as Error).message}`);
  }
}

/** `/set/k/v?EX=100` plus an optional body → ["set","k",<body>,"EX","100"], as Upstash reads it. */
export function commandFromPath(url: URL, body: Buffer): RedisCommand {
  let segments: string[];
  try {
    segments = url.pathname.slice(1).split("/").map(decodeURIComponent);
  } catch {
    throw new HttpError(400, "ERR The URL path is not validly percent-encoded");
  }
  const [name = "", ...args] = segments;
  if (!COMMAND_NAME.test(name) || RESERVED_PATHS.has(name.toLowerCase())) throw new HttpError(404, "Not found");
  const all: Arg[] = [...args, ...(body.length > 0 ? [body] : [])];
  for (const [key, value] of url.searchParams) {
    if (key !== "_token") all.push(...(value === "" ? [key] : [key, value]));
  }
  return [name, ...all];
}

const why = {
  pubsub: "subscriptions need a long-lived connection; this gateway is stateless HTTP",
  monitor: "MONITOR needs a long-lived connection; this gateway is stateless HTTP",
  blocking: "blocking commands would hold the gateway's shared Redis connection; poll with the non-blocking form",
  state: "it changes the state of a connection that every request shares",
  transaction: "send the commands to /multi-exec instead",
  replication: "replication commands are not served over HTTP",
};

const REFUSED: Record<string, string> = {
  SUBSCRIBE: why.pubsub,
  PSUBSCRIBE: why.pubsub,
  SSUBSCRIBE: why.pubsub,
  UNSUBSCRIBE: why.pubsub,
  PUNSUBSCRIBE: why.pubsub,
  SUNSUBSCRIBE: why.pubsub,
  MONITOR: why.monitor,
  BLPOP: why.blocking,
  BRPOP: why.blocking,
  BRPOPLPUSH: why.blocking,
  BLMOVE: why.blocking,
  BLMPOP: why.blocking,
  BZPOPMIN: why.blocking,
  BZPOPMAX: why.blocking,
  BZMPOP: why.blocking,
  WAIT: why.blocking,
  WAITAOF: why.blocking,
  SELECT: why.state,
  QUIT: why.state,
  AUTH: why.state,
  HELLO: why.state,
  RESET: why.state,
  CLIENT: why.state,
  READONLY: why.state,
  READWRITE: why.state,
  ASKING: why.state,
  MULTI: why.transaction,
  EXEC: why.transaction,
  DISCARD: why.transaction,
  WATCH: why.transaction,
  UNWATCH: why.transaction,
  SYNC: why.replication,
  PSYNC: why.replication,
  REPLCONF: why.replication,
};

/** Why the gateway will not run this command, or null when it can. */
export function refusal([name, ...args]: RedisCommand): string | null {
  const upper = name.toUpperCase();
  let reason = REFUSED[upper];
  if (!reason && (upper === "XREAD" || upper === "XREADGROUP")) {
    // Options come before STREAMS; XREADGROUP's own first three arguments are GROUP <group> <consumer>.
    const options = args.slice(upper === "XREADGROUP" ? 3 : 0).map((a) => a.toString().toUpperCase());
    const streams = options.indexOf("STREAMS");
    if (options.slice(0, streams < 0 ? undefined : streams).includes("BLOCK")) reason = `${why.blocking} (leave out BLOCK)`;
  }
  return reason ? `ERR Command ${upper} is not supported by the local Redis REST gateway: ${reason}` : null;
}

const OK = Buffer.from("OK");

/**
 * A reply from ioredis (buffer mode) as Upstash's JSON result. Integers stay numbers and nil stays null. With
 * `Upstash-Encoding: base64` every string is base64, recursively, except a top-level "OK", which Upstash
 * leaves as is (the client special-cases that literal; inside arrays it base64-decodes every string).
 */
export function encodeResult(reply: unknown, base64: boolean): unknown {
  if (base64 && Buffer.isBuffer(reply) && reply.equals(OK)) return "OK";
  return encodeValue(reply, base64);
}

function encodeValue(value: unknown, base64: boolean): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return value;
  if (Array.isArray(value)) return value.map((v) => encodeValue(v, base64));
  // An error nested in an array reply (e.g. from a Lua table) has no JSON form of its own; send its text.
  const bytes = Buffer.isBuffer(value) ? value : Buffer.from(value instanceof Error ? value.message : String(value));
  return base64 ? bytes.toString("base64") : bytes.toString("utf8");
}

/** 127.0.0.0/8, ::1 and "localhost": the only addresses the gateway will listen on. */
export function isLoopbackHost(host: string): boolean {
  if (host === "localhost") return true;
  if (net.isIPv4(host)) return host.startsWith("127.");
  if (net.isIPv6(host)) return host === "::1" || host === "0:0:0:0:0:0:0:1" || /^::ffff:127\./i.test(host);
  return false;
}
