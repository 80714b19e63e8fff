"use client";
// The bell's live part: opens the learner's socket (lib/realtime/client.ts), sets the count from each
// "notifications" event, shows "reconnecting…" while the socket is down, and re-reads the page's data when
// the gateway says events were missed.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import headerStyles from "@/components/site/site-header.module.css";
import { NOTIFICATIONS_EVENT, type NotificationsEventData } from "@/lib/notifications/event";
import { connectRealtime, type ConnectionState } from "@/lib/realtime/client";
import styles from "./notifications.module.css";

interface Props {
  url: string;
  since: string | null;
  unread: number;
  labels: { title: string; reconnecting: string };
}

export function BellClient({ url, since, unread, labels }: Props) {
  const router = useRouter();
  const [count, setCount] = useState(unread);
  const [state, setState] = useState<ConnectionState>("connecting");
  // A re-render of the page (navigation, refresh) brings a fresh count from the server: it wins.
  const [rendered, setRendered] = useState(unread);
  if (rendered !== unread) {
    setRendered(unread);
    setCount(unread);
  }
  useEffect(() => {
    const connection = connectRealtime({
      url,
      since,
      onEvent: (event) => {
        if (event.type === NOTIFICATIONS_EVENT) setCount((event.data as NotificationsEventData).unread);
      },
      onGap: () => router.refresh(),
      onState: setState,
    });
    return () => connection.close();
    // One socket for the life of the header; `since` only matters for the first connect.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [url]);
  return (
    <Link href="/account/notifications" className={headerStyles.navLink} data-testid="notification-bell" data-state={state} aria-label={count > 0 ? `${labels.title} (${count})` : labels.title}>
      <svg className={headerStyles.navIcon} width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
        <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {count > 0 ? (
        <span className={headerStyles.cartBadge} data-testid="notification-count">
          {count > 99 ? "99+" : count}
        </span>
      ) : null}
      {state === "reconnecting" ? (
        <span className={styles.reconnecting} role="status" data-testid="realtime-reconnecting">
          {labels.reconnecting}
        </span>
      ) : null}
    </Link>
  );
}
