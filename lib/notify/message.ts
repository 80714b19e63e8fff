// A notification as the senders see it: already rendered, addressed to one email address or mobile number.
// Job payloads carry this shape, so the worker needs nothing but a sender to deliver it.
import { z } from "zod";

export const messageSchema = z.object({
  channel: z.enum(["email", "sms"]),
  /** An email address, or a mobile number in E.164 form (`+8613812345678`). */
  to: z.string().min(1),
  /** The email subject; gateways that send text messages ignore it. */
  subject: z.string(),
  text: z.string().min(1),
});

export type Message = z.infer<typeof messageSchema>;

/** Whom a notification-centre message is for and of which kind (verification codes have none). */
export interface MessageAbout {
  userId: number;
  kind: string;
}
