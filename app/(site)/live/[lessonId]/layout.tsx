import type { ReactNode } from "react";
import { liveRoomFor } from "@/lib/live/room-page";

/** The gate runs here, above the page's loading state, so a refusal answers with its own status (404/403). */
export default async function LiveRoomLayout({ children, params }: { children: ReactNode; params: Promise<{ lessonId: string }> }) {
  await liveRoomFor((await params).lessonId);
  return children;
}
