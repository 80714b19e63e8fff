// Runs the flash-sale Lua scripts through @upstash/redis: EVALSHA first (the script body is not sent on every
// call), EVAL once when Redis does not know it yet (after a restart or SCRIPT FLUSH). One Script object per
// client and script, so tests can point the same code at another Redis.
import "server-only";
import type { Redis } from "@upstash/redis";
import { redis } from "@/lib/redis";

type Script = ReturnType<Redis["createScript"]>;
const scripts = new WeakMap<Redis, Map<string, Script>>();

export async function runScript<T = unknown>(source: string, keys: string[], args: Array<string | number>, client: Redis = redis()): Promise<T> {
  let byClient = scripts.get(client);
  if (!byClient) scripts.set(client, (byClient = new Map()));
  let script = byClient.get(source);
  if (!script) byClient.set(source, (script = client.createScript(source)));
  return (await script.exec(keys, args.map(String))) as T;
}
