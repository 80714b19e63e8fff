// Upstash accepts a Lua shebang flag that stock Redis does not know: `#!lua flags=allow-key-locking`
// (@upstash/ratelimit's scripts carry it). The gateway drops that flag before Redis sees the script, and
// answers EVALSHA for the script as the client sent it, so clients behave exactly as against Upstash.
import { createHash } from "node:crypto";
import type { RedisCommand } from "./redis-rest-protocol";

const UPSTASH_ONLY_FLAGS = new Set(["allow-key-locking"]);
const SHEBANG = /^#!lua([^\n]*)\n/;

const sha1 = (text: string) => createHash("sha1").update(text).digest("hex");

/** The script as stock Redis accepts it, or null when it needs no change. */
export function redisCompatibleScript(script: string): string | null {
  const match = SHEBANG.exec(script);
  if (!match) return null;
  const options = match[1]!.trim().split(/\s+/).filter(Boolean);
  let changed = false;
  const kept = options.flatMap((option) => {
    if (!option.startsWith("flags=")) return [option];
    const flags = option.slice("flags=".length).split(",").filter(Boolean);
    const stock = flags.filter((flag) => !UPSTASH_ONLY_FLAGS.has(flag));
    if (stock.length === flags.length) return [option];
    changed = true;
    return stock.length ? [`flags=${stock.join(",")}`] : [];
  });
  if (!changed) return null;
  // With no options left the shebang goes too: a plain script, as Upstash treats one with only its own flag.
  const body = script.slice(match[0].length);
  return kept.length ? `#!lua ${kept.join(" ")}\n${body}` : body;
}

/** Rewrites EVAL / EVALSHA (and their _RO forms) for Redis; remembers which sha stands for which. */
export function createScriptTranslator() {
  const redisShaOf = new Map<string, string>();
  return (command: RedisCommand): RedisCommand => {
    const [name, first, ...rest] = command;
    const upper = name.toUpperCase();
    if ((upper === "EVAL" || upper === "EVAL_RO") && first !== undefined) {
      const original = String(first);
      const compatible = redisCompatibleScript(original);
      if (compatible === null) return command;
      redisShaOf.set(sha1(original), sha1(compatible));
      return [name, compatible, ...rest];
    }
    if ((upper === "EVALSHA" || upper === "EVALSHA_RO") && first !== undefined) {
      const mapped = redisShaOf.get(String(first).toLowerCase());
      return mapped ? [name, mapped, ...rest] : command;
    }
    return command;
  };
}
