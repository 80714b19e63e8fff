// The verification code a person would receive, read from Redis through the REST gateway the app uses.
// The `log` sender puts every message in the development mailbox list; the production build that the e2e
// suite runs refuses NOTIFY_SENDER=log (lib/notify/config.ts), so there its worker cannot deliver, and the
// message is still in its BullMQ job (kept an hour after failing). Both places are searched.
import { Redis } from "@upstash/redis";

interface Sent {
  to: string;
  text: string;
  sentAt: number;
}

function redis(): Redis {
  const url = process.env.UPSTASH_REDIS_REST_URL;
  const token = process.env.UPSTASH_REDIS_REST_TOKEN;
  if (!url || !token) throw new Error("UPSTASH_REDIS_REST_URL/TOKEN are not set; run the end-to-end tests through `npm run test:e2e`.");
  return new Redis({ url, token, automaticDeserialization: false });
}

const prefix = () => {
  const p = process.env.REDIS_KEY_PREFIX;
  if (!p) throw new Error("REDIS_KEY_PREFIX is not set; run the end-to-end tests through `npm run test:e2e`.");
  return p;
};

function parse(raw: string | null): { to?: unknown; text?: unknown; sentAt?: unknown } | null {
  if (!raw) return null;
  try {
    return JSON.parse(raw) as { to?: unknown; text?: unknown; sentAt?: unknown };
  } catch {
    return null;
  }
}

async function fromMailbox(r: Redis, target: string): Promise<Sent[]> {
  const items = await r.lrange<string>(`${prefix()}:dev:mailbox`, 0, 199);
  return items.flatMap((item) => {
    const m = parse(item);
    return m && m.to === target && typeof m.text === "string" ? [{ to: target, text: m.text, sentAt: Date.parse(String(m.sentAt)) || 0 }] : [];
  });
}

async function fromQueue(r: Redis, target: string): Promise<Sent[]> {
  const pattern = `${prefix()}:bull:notifications:*`;
  const jobKeys: string[] = [];
  let cursor = "0";
  do {
    const [next, keys] = await r.scan(cursor, { match: pattern, count: 500 });
    cursor = String(next);
    jobKeys.push(...keys.filter((k) => /:\d+$/.test(k)));
  } while (cursor !== "0");
  const found: Sent[] = [];
  for (const k of jobKeys) {
    // Without automatic deserialisation the client answers HMGET as a plain array of the values.
    const job = (await r.hmget(k, "data", "timestamp")) as unknown;
    const [data, timestamp] = Array.isArray(job) ? (job as unknown[]) : [(job as Record<string, unknown> | null)?.data, (job as Record<string, unknown> | null)?.timestamp];
    const m = parse(typeof data === "string" ? data : null);
    if (m && m.to === target && typeof m.text === "string") found.push({ to: target, text: m.text, sentAt: Number(timestamp) || 0 });
  }
  return found;
}

/** The 6-digit code in the newest message sent to `target` (normalised: lower-case email or +86…) after `since`. */
export async function latestCode(target: string, since: number, timeoutMs = 10_000): Promise<string> {
  const r = redis();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const sent = [...(await fromMailbox(r, target)), ...(await fromQueue(r, target))].filter((m) => m.sentAt >= since - 1000).sort((a, b) => b.sentAt - a.sentAt);
    const code = sent[0] && /\b\d{6}\b/.exec(sent[0].text)?.[0];
    if (code) return code;
    if (Date.now() > deadline) throw new Error(`No code was sent to ${target}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
