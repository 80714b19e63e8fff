// The header's bell: the signed-in learner's unread notifications, kept current by the real-time gateway
// without a reload. The count and the newest event id are read when the page renders; the client resumes the
// learner's channel from that id, so nothing published in between is missed.
import { getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/current-user";
import { env } from "@/lib/config/env";
import { logger } from "@/lib/log";
import { unreadCount } from "@/lib/notifications";
import { userChannel } from "@/lib/realtime/protocol";
import { lastEventId } from "@/lib/realtime/publish";
import { BellClient } from "./bell-client";

export async function NotificationBell() {
  const user = await getCurrentUser();
  if (!user) return null;
  const t = await getTranslations("Notifications");
  // Redis first (the id to resume from), then the count: an event in between is replayed, never skipped.
  const since = await lastEventId(userChannel(user.id)).catch(() => null);
  const unread = await unreadCount(user.id).catch((error: unknown) => {
    logger.warn({ err: error, userId: user.id }, "reading the unread count failed");
    return 0;
  });
  return (
    <li>
      <BellClient url={env().REALTIME_PUBLIC_URL} since={since} unread={unread} labels={{ title: t("bell"), reconnecting: t("reconnecting") }} />
    </li>
  );
}
