// The development mailbox: what the `log` sender "sent", kept in Redis so every web instance and the worker
// see the same list. Newest first, the last 200 messages, gone 24 hours after the latest one.
import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { key, redis } from "@/lib/redis";
import { messageSchema, type Message } from "./message";

export const MAILBOX_SIZE = 200;
export const MAILBOX_TTL_SECONDS = 24 * 60 * 60;

const entrySchema = messageSchema.extend({ id: z.string(), sentAt: z.iso.datetime() });
export type MailboxEntry = z.infer<typeof entrySchema>;

export const mailboxKey = () => key("dev", "mailbox");

export async function putInMailbox(message: Message): Promise<MailboxEntry> {
  const entry: MailboxEntry = { ...message, id: randomUUID(), sentAt: new Date().toISOString() };
  const k = mailboxKey();
  // One transaction, so the list is never left uncapped or without its expiry.
  await redis().multi().lpush(k, JSON.stringify(entry)).ltrim(k, 0, MAILBOX_SIZE - 1).expire(k, MAILBOX_TTL_SECONDS).exec();
  return entry;
}

/** The messages in the mailbox, newest first; entries that do not parse (an older format) are skipped. */
export async function readMailbox(): Promise<MailboxEntry[]> {
  const raw = await redis().lrange<string>(mailboxKey(), 0, MAILBOX_SIZE - 1);
  return raw.flatMap((item) => {
    try {
      const parsed = entrySchema.safeParse(JSON.parse(item));
      return parsed.success ? [parsed.data] : [];
    } catch {
      return [];
    }
  });
}
