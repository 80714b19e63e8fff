// Publishing an event to a channel, from a web instance or the worker: appended to the channel's stream (so a
// client that reconnects catches up from its last event id) and pushed on pub/sub to every gateway instance
// holding a socket on the channel, in one script so the two never disagree. Returns the event's id.
import "server-only";
import { redis } from "@/lib/redis";
import { CHANNEL, type RealtimeEvent } from "./protocol";
import { pubsubName, STREAM_KEEP, STREAM_TTL_MS, streamKey } from "./keys";

// The pub/sub message is "<id>|<event JSON>": the gateway forwards the JSON as it is, without parsing it.
const PUBLISH = `
local id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[3], '*', 'e', ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
redis.call('PUBLISH', ARGV[1], id .. '|' .. ARGV[2])
return id
`;

const LAST_ID = `
local newest = redis.call('XREVRANGE', KEYS[1], '+', '-', 'COUNT', 1)
if #newest == 0 then return false end
return newest[1][1]
`;

export async function publish(channel: string, event: RealtimeEvent): Promise<string> {
  if (!CHANNEL.test(channel)) throw new Error(`not a channel: ${channel}`);
  const id = await redis().eval<string[], string>(PUBLISH, [streamKey(channel)], [pubsubName(channel), JSON.stringify(event), String(STREAM_KEEP), String(STREAM_TTL_MS)]);
  return String(id);
}

/** The id of the channel's newest event (null when it has none): a page rendered now resumes from it. */
export async function lastEventId(channel: string): Promise<string | null> {
  const id = await redis().eval<string[], string | null>(LAST_ID, [streamKey(channel)], []);
  return typeof id === "string" && id ? id : null;
}
