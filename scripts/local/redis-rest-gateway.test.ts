// The local Upstash-protocol gateway against a private redis-server, driven by the real `@upstash/redis` client
// (with its default auto-pipelining, and without it) and by raw HTTP where the wire format itself matters.
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { Redis, errors } from "@upstash/redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sleep, waitFor } from "./proc";
import { redisPing } from "./redis";
import { startRedisRestGateway, type Gateway } from "./redis-rest-gateway";

const REDIS_SERVER = "/usr/bin/redis-server";
const TOKEN = `gateway-test-${process.pid}-${Date.now()}`;

let dir: string;
let redisPort: number;
let redisServer: ChildProcess | undefined;
let gateway: Gateway;
/** The client as the app builds it: auto-pipelining on, so most commands travel through /pipeline. */
let redis: Redis;
/** One HTTP request per command: exercises POST / and its error statuses. */
let single: Redis;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.once("error", reject);
  });
}

async function startRedisServer(): Promise<void> {
  const args = ["--port", String(redisPort), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir];
  redisServer = spawn(REDIS_SERVER, args, { stdio: "ignore" });
  await waitFor("test redis-server", () => redisPing(redisPort), 15_000);
}

async function stopRedisServer(): Promise<void> {
  const child = redisServer;
  redisServer = undefined;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, "exit");
  child.kill("SIGTERM");
  await exited;
}

/** A raw request to the gateway; authorised with the right token unless headers say otherwise. */
function request(pathname: string, init: { method?: string; body?: BodyInit; headers?: Record<string, string> } = {}): Promise<Response> {
  return fetch(gateway.url + pathname, {
    method: init.method ?? "POST",
    headers: { authorization: `Bearer ${TOKEN}`, ...init.headers },
    body: init.body,
  });
}

const b64 = (s: string | Buffer) => Buffer.from(s).toString("base64");

beforeAll(async () => {
  while (!fs.existsSync(REDIS_SERVER)) await sleep(2_000); // may still be arriving from apt
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "xuefu-gateway-test-"));
  redisPort = await freePort();
  await startRedisServer();
  gateway = await startRedisRestGateway({ redisUrl: `redis://127.0.0.1:${redisPort}`, token: TOKEN, port: 0 });
  redis = new Redis({ url: gateway.url, token: TOKEN, enableTelemetry: false });
  single = new Redis({ url: gateway.url, token: TOKEN, enableTelemetry: false, enableAutoPipelining: false });
}, 180_000);

afterAll(async () => {
  await gateway?.close();
  await stopRedisServer();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe("data types through @upstash/redis", () => {
  it("strings: plain, JSON (deserialised), Chinese and control characters", async () => {
    for (const client of [redis, single]) {
      expect(await client.set("s:plain", "hello")).toBe("OK");
      expect(await client.get("s:plain")).toBe("hello");
      await client.set("s:json", { title: "学府", n: 3, tags: ["a"] });
      expect(await client.get("s:json")).toEqual({ title: "学府", n: 3, tags: ["a"] });
      const odd = "学府：在线课程 🎓 \u0000\u0001\u00ff\n\"quoted\"";
      await client.set("s:odd", odd);
      expect(await client.get("s:odd")).toBe(odd);
      expect(await client.get("s:missing")).toBeNull();
      expect(await client.mget("s:plain", "s:missing", "s:odd")).toEqual(["hello", null, odd]);
    }
  });

  it("counters and expiry", async () => {
    expect(await redis.incr("c:n")).toBe(1);
    expect(await single.incrby("c:n", 41)).toBe(42);
    expect(await redis.decr("c:n")).toBe(41);
    await redis.set("c:ttl", "v", { ex: 100 });
    const ttl = await redis.ttl("c:ttl");
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(100);
    await redis.set("c:short", "v", { px: 100 });
    await sleep(250);
    expect(await redis.get("c:short")).toBeNull();
    expect(await redis.exists("c:ttl", "c:short")).toBe(1);
  });

  it("hashes", async () => {
    expect(await redis.hset("h:course", { title: "TypeScript 入门", price: 199, lessons: "12" })).toBe(3);
    expect(await redis.hget("h:course", "title")).toBe("TypeScript 入门");
    expect(await redis.hincrby("h:course", "price", 1)).toBe(200);
    expect(await redis.hgetall("h:course")).toEqual({ title: "TypeScript 入门", price: 200, lessons: 12 });
    expect(await single.hdel("h:course", "lessons")).toBe(1);
    expect(await single.hexists("h:course", "lessons")).toBe(0);
    expect(await redis.hgetall("h:none")).toBeNull();
  });

  it("sorted sets", async () => {
    await redis.zadd("z:rank", { score: 3, member: "c" }, { score: 1, member: "a" }, { score: 2, member: "学" });
    expect(await redis.zrange("z:rank", 0, -1)).toEqual(["a", "学", "c"]);
    expect(await redis.zrange("z:rank", 0, -1, { withScores: true })).toEqual(["a", 1, "学", 2, "c", 3]);
    expect(await redis.zrange("z:rank", 0, 0, { rev: true })).toEqual(["c"]);
    expect(await redis.exec(["ZREVRANGE", "z:rank", "0", "-1"])).toEqual(["c", "学", "a"]);
    expect(await redis.zrank("z:rank", "学")).toBe(1);
    expect(await redis.zrank("z:rank", "nobody")).toBeNull();
    expect(await single.zscore("z:rank", "c")).toBe(3);
    expect(await single.zincrby("z:rank", 0.5, "a")).toBe(1.5);
  });

  it("lists", async () => {
    expect(await redis.rpush("l:q", "b", "c")).toBe(2);
    expect(await redis.lpush("l:q", "a")).toBe(3);
    expect(await redis.lrange("l:q", 0, -1)).toEqual(["a", "b", "c"]);
    expect(await single.lpop("l:q")).toBe("a");
    expect(await redis.llen("l:q")).toBe(2);
  });

  it("streams: xadd, xlen, xrange, consumer groups", async () => {
    const id1 = await redis.xadd("x:events", "*", { type: "enrolled", course: "学府-101" });
    const id2 = await redis.xadd("x:events", "*", { type: "paid", amount: "199" });
    expect(id1).toMatch(/^\d+-\d+$/);
    expect(await redis.xlen("x:events")).toBe(2);
    expect(await redis.xrange("x:events", "-", "+")).toEqual({
      [id1]: { type: "enrolled", course: "学府-101" },
      [id2]: { type: "paid", amount: 199 },
    });
    expect(await redis.xgroup("x:events", { type: "CREATE", group: "workers", id: "0" })).toBe("OK");
    const read = await redis.xreadgroup("workers", "w1", "x:events", ">", { count: 1 });
    expect(read).toEqual([["x:events", [[id1, ["type", "enrolled", "course", "学府-101"]]]]]);
    expect(await redis.xack("x:events", "workers", id1)).toBe(1);
  });
});

describe("pipelines, transactions and scripts", () => {
  it("pipeline: results in order, each command independent", async () => {
    const results = await redis.pipeline().set("p:a", "1").incr("p:a").get("p:a").lrange("p:none", 0, -1).exec();
    expect(results).toEqual(["OK", 2, 2, []]);
    const kept = await redis.pipeline().set("p:s", "x").lpush("p:s", "y").get("p:s").exec({ keepErrors: true });
    expect(kept[1]?.error).toMatch(/WRONGTYPE/);
    expect(kept[2]).toEqual({ error: undefined, result: "x" });
    await expect(redis.pipeline().set("p:s", "x").lpush("p:s", "y").exec()).rejects.toThrow(/Command 2 \[ lpush \] failed: WRONGTYPE/);
    // Concurrent calls are auto-pipelined by the client; none may be lost.
    await Promise.all(Array.from({ length: 50 }, () => redis.incr("p:many")));
    expect(await redis.get("p:many")).toBe(50);
  });

  it("multi/exec: runs the commands together; a runtime error fails only its command", async () => {
    expect(await redis.multi().set("m:a", "1").incr("m:a").get("m:a").exec()).toEqual(["OK", 2, 2]);
    await expect(redis.multi().set("m:s", "x").lpush("m:s", "y").set("m:after", "z").exec()).rejects.toThrow(/WRONGTYPE/);
    expect(await redis.get("m:after")).toBe("z");
  });

  it("multi/exec: a command that fails to queue discards the whole transaction (400)", async () => {
    const res = await request("/multi-exec", { body: JSON.stringify([["SET", "m:discarded", "1"], ["GET"]]) });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatch(/EXECABORT.*wrong number of arguments/);
    expect(await redis.get("m:discarded")).toBeNull();
    const refused = await request("/multi-exec", { body: JSON.stringify([["SET", "m:discarded", "1"], ["BLPOP", "l", "0"]]) });
    expect(refused.status).toBe(400);
    expect(await redis.get("m:discarded")).toBeNull();
  });

  it("createScript: NOSCRIPT on first use falls back to EVAL, then EVALSHA hits the cache", async () => {
    const script = redis.createScript<number>("return redis.call('INCRBY', KEYS[1], ARGV[1])");
    await redis.scriptFlush();
    await redis.exec(["CONFIG", "RESETSTAT"]);
    expect(await script.exec(["sc:n"], ["5"])).toBe(5);
    const stats = async () => {
      const info = await (await request("/info/commandstats", { method: "GET" })).json();
      const calls = (cmd: string) => Number(new RegExp(`cmdstat_${cmd}:calls=(\\d+)`).exec(info.result)?.[1] ?? 0);
      const failed = (cmd: string) => Number(new RegExp(`cmdstat_${cmd}:.*failed_calls=(\\d+)`).exec(info.result)?.[1] ?? 0);
      return { evalsha: calls("evalsha"), evalshaFailed: failed("evalsha"), eval: calls("eval") };
    };
    expect(await stats()).toEqual({ evalsha: 1, evalshaFailed: 1, eval: 1 });
    expect(await script.exec(["sc:n"], ["2"])).toBe(7);
    expect(await stats()).toEqual({ evalsha: 2, evalshaFailed: 1, eval: 1 });
    expect(await redis.scriptExists(script.sha1)).toEqual([1]);
  });

  it("accepts Upstash's allow-key-locking script flag, as Upstash does, and keeps EVALSHA working", async () => {
    const lua = "#!lua flags=allow-key-locking\nreturn redis.call('INCRBY', KEYS[1], ARGV[1])";
    const script = redis.createScript<number>(lua);
    await redis.scriptFlush();
    await redis.exec(["CONFIG", "RESETSTAT"]);
    expect(await script.exec(["sc:flag"], ["3"])).toBe(3);
    expect(await script.exec(["sc:flag"], ["4"])).toBe(7);
    const info = (await (await request("/info/commandstats", { method: "GET" })).json()) as { result: string };
    const failed = Number(/cmdstat_evalsha:.*failed_calls=(\d+)/.exec(info.result)?.[1] ?? 0);
    const evals = Number(/cmdstat_eval:calls=(\d+)/.exec(info.result)?.[1] ?? 0);
    expect({ evals, failed }).toEqual({ evals: 1, failed: 1 });
    // Stock Redis flags still pass through untouched, alongside the dropped one.
    expect(await redis.eval("#!lua flags=no-writes,allow-key-locking\nreturn redis.call('GET', KEYS[1])", ["sc:flag"], [])).toBe(7);
    await expect(redis.eval("#!lua flags=no-writes\nreturn redis.call('SET', KEYS[1], '1')", ["sc:flag"], [])).rejects.toThrow(/Write commands are not allowed/);
  });

  it("Lua replies: nested arrays, integers, nil and status replies", async () => {
    const lua = "return {1, '学府', {2, false, 'b', {3}}, redis.status_reply('OK'), ARGV[1]}";
    const expected = [1, "学府", [2, null, "b", [3]], "OK", "x-y"];
    expect(await redis.eval(lua, [], ["x-y"])).toEqual(expected);
    expect(await single.eval(lua, [], ["x-y"])).toEqual(expected);
  });
});

describe("errors", () => {
  it("Redis errors surface as thrown UpstashErrors carrying the Redis message", async () => {
    await redis.set("e:str", "v");
    for (const client of [redis, single]) {
      const wrongType = await client.lpush("e:str", "x").catch((e: unknown) => e);
      expect(wrongType).toBeInstanceOf(errors.UpstashError);
      expect((wrongType as Error).message).toContain("WRONGTYPE Operation against a key holding the wrong kind of value");
      await expect(client.exec(["GET"])).rejects.toThrow("ERR wrong number of arguments for 'get' command");
      await expect(client.exec(["NOSUCHCOMMAND", "x"])).rejects.toThrow(/unknown command/);
    }
    const res = await request("/", { body: JSON.stringify(["LPUSH", "e:str", "x"]) });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: "WRONGTYPE Operation against a key holding the wrong kind of value" });
  });

  it("authentication: wrong or missing token → 401", async () => {
    const intruder = new Redis({ url: gateway.url, token: "wrong", enableTelemetry: false });
    await expect(intruder.get("s:plain")).rejects.toThrow(/Unauthorized/);
    const wrong = await request("/", { body: '["PING"]', headers: { authorization: "Bearer wrong" } });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual({ error: "Unauthorized" });
    const none = await fetch(`${gateway.url}/get/s:plain`);
    expect(none.status).toBe(401);
    expect((await fetch(`${gateway.url}/get/s:plain?_token=${TOKEN}`)).status).toBe(200);
  });

  it("refuses commands that cannot work over stateless HTTP", async () => {
    for (const command of [["SUBSCRIBE", "news"], ["BLPOP", "l:q", "0"], ["XREAD", "BLOCK", "0", "STREAMS", "x:events", "$"], ["SELECT", "1"], ["CLIENT", "LIST"]]) {
      const res = await request("/", { body: JSON.stringify(command) });
      expect(res.status, command.join(" ")).toBe(400);
      expect((await res.json()).error).toMatch(new RegExp(`${command[0]} is not supported`));
    }
    expect(await redis.exec(["XREAD", "COUNT", "1", "STREAMS", "x:events", "0"])).toHaveLength(1);
  });

  it("rejects malformed requests", async () => {
    const cases: Array<[string, { method?: string; body?: BodyInit }, number]> = [
      ["/", { body: "[not json" }, 400],
      ["/", { body: '{"cmd":"GET"}' }, 400],
      ["/", { body: '["SET","k",{"a":1}]' }, 400],
      ["/", { body: "[]" }, 400],
      ["/pipeline", { body: '["GET","k"]' }, 400],
      ["/", { method: "GET" }, 404],
      ["/pipeline/extra", { body: "[]" }, 404],
      ["/get/k", { method: "DELETE" }, 405],
      ["/set/big", { body: Buffer.alloc(10 * 1024 * 1024 + 1) }, 413],
    ];
    for (const [pathname, init, status] of cases) {
      const res = await request(pathname, init);
      expect(res.status, `${init.method ?? "POST"} ${pathname}`).toBe(status);
      expect(typeof (await res.json()).error).toBe("string");
    }
  });

  it("will not listen on a non-loopback address", async () => {
    for (const host of ["0.0.0.0", "192.0.2.10", "example.com"]) {
      await expect(startRedisRestGateway({ redisUrl: `redis://127.0.0.1:${redisPort}`, token: TOKEN, host, port: 0 })).rejects.toThrow(/loopback/);
    }
  });
});

describe("wire format", () => {
  it("base64 encoding: strings encoded recursively, top-level OK, integers and nil as JSON", async () => {
    const base64 = { "upstash-encoding": "base64" };
    const call = async (cmd: unknown[], headers: Record<string, string> = base64) =>
      (await (await request("/", { body: JSON.stringify(cmd), headers })).json()).result;
    expect(await call(["SET", "w:k", "学府"])).toBe("OK");
    expect(await call(["GET", "w:k"])).toBe(b64("学府"));
    expect(await call(["GET", "w:k"], {})).toBe("学府");
    expect(await call(["INCR", "w:n"])).toBe(1);
    expect(await call(["GET", "w:none"])).toBeNull();
    expect(await call(["PING"])).toBe(b64("PONG"));
    expect(await call(["EVAL", "return {1, 'a', {false, redis.status_reply('OK')}}", 0])).toEqual([1, b64("a"), [null, b64("OK")]]);
    const pipeline = await (await request("/pipeline", { body: JSON.stringify([["SET", "w:p", "v"], ["GET", "w:p"], ["GET"]]), headers: base64 })).json();
    expect(pipeline).toEqual([{ result: "OK" }, { result: b64("v") }, { error: "ERR wrong number of arguments for 'get' command" }]);
  });

  it("binary values round-trip byte for byte", async () => {
    const bytes = Buffer.from([0xff, 0x00, 0xfe, 0x80, 0x0a, 0xe5, 0xad]);
    expect((await request("/set/w:bin", { body: bytes })).status).toBe(200);
    const res = await request("/get/w:bin", { method: "GET", headers: { "upstash-encoding": "base64" } });
    expect(Buffer.from((await res.json()).result, "base64").equals(bytes)).toBe(true);
  });

  it("path form: URL-decoded segments, body as last argument, query pairs after it", async () => {
    expect(await (await request(`/set/${encodeURIComponent("学:key/1")}/${encodeURIComponent("a b")}`, { method: "GET" })).json()).toEqual({ result: "OK" });
    expect(await redis.get("学:key/1")).toBe("a b");
    expect(await (await request("/set/w:body?EX=100", { body: '{"json":"value"}' })).json()).toEqual({ result: "OK" });
    expect(await redis.get("w:body")).toEqual({ json: "value" });
    expect(await redis.ttl("w:body")).toBeGreaterThan(90);
  });
});

describe("Redis outage", () => {
  it("fails fast while Redis is down and recovers by itself when it is back", async () => {
    await redis.set("o:before", "1");
    await stopRedisServer();

    const started = Date.now();
    await expect(redis.get("o:before")).rejects.toThrow(/Redis is unavailable/);
    await expect(single.get("o:before")).rejects.toThrow(/Redis is unavailable/);
    expect(Date.now() - started).toBeLessThan(5_000);
    const res = await request("/get/o:before", { method: "GET" });
    expect(res.status).toBe(503);
    expect((await res.json()).error).toMatch(/Redis is unavailable/);
    expect((await request("/multi-exec", { body: '[["INCR","o:n"]]' })).status).toBe(503);

    await startRedisServer(); // same port, empty data (no persistence)
    await waitFor("gateway reconnecting to Redis", async () => (await redis.set("o:after", "2")) === "OK", 10_000);
    expect(await redis.get("o:after")).toBe(2);
    expect(await single.incr("o:n")).toBe(1);
  }, 30_000);
});
