// Where a channel lives in Redis: its recent events in a stream (for catching up after a reconnect) and its
// live fan-out on a pub/sub channel. The stream key carries the channel in a hash tag, so on a Redis Cluster
// the stream of one channel sits in one slot.
import "server-only";
import { key } from "@/lib/redis";

export const streamKey = (channel: string) => key("rt", `{${channel}}`);
export const pubsubName = (channel: string) => key("rt-pub", channel);
export const pubsubPrefix = () => key("rt-pub", "");

/** How many events each channel keeps for catching up (about; Redis trims in whole blocks). */
export const STREAM_KEEP = 200;
/** A channel nobody published to for a day drops its history. */
export const STREAM_TTL_MS = 24 * 60 * 60 * 1000;
