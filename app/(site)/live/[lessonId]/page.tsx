// The live room of a lesson of kind "live": the player (the stream while live, the recording afterwards), a
// countdown before the start, pinned announcements, the chat with its scrolling-comment lane, and the
// moderators' tools. Open to the course's enrolled learners and live-room staff; a visitor is sent to sign
// in, anyone else gets the 403 page.
import type { Metadata } from "next";
import { forbidden, notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LiveRoom } from "@/components/live/live-room";
import { Container } from "@/components/ui/container";
import { currentUserId } from "@/lib/auth/current-user";
import { clockNow } from "@/lib/clock";
import { env } from "@/lib/config/env";
import { roomHistory } from "@/lib/live/chat";
import { roomRole } from "@/lib/live/room";
import { liveRoomInfo } from "@/lib/live/sessions";
import { playableUrl } from "@/lib/live/stream";
import { roomChannel } from "@/lib/realtime/protocol";
import { lastEventId } from "@/lib/realtime/publish";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ lessonId: string }> };

const idOf = (raw: string) => (/^[1-9]\d{0,15}$/.test(raw) ? Number(raw) : 0);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const info = await liveRoomInfo(idOf((await params).lessonId));
  const t = await getTranslations("Live");
  return info ? { title: t("roomTitle", { title: info.lessonTitle }), robots: { index: false } } : {};
}

export default async function LiveRoomPage({ params }: Props) {
  const lessonId = idOf((await params).lessonId);
  const info = await liveRoomInfo(lessonId);
  if (!info) notFound();
  const userId = await currentUserId();
  if (userId === null) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/live/${lessonId}`)}`);
  const role = await roomRole(userId, lessonId);
  if (!role) forbidden();
  // The channel's newest id first, then the history: whatever is published in between is replayed by the
  // gateway and de-duplicated by id on the page, so nothing falls in the gap.
  const since = await lastEventId(roomChannel(lessonId)).catch(() => null);
  const [history, now] = await Promise.all([roomHistory(lessonId), clockNow(userId)]);
  const { session } = info;
  return (
    <Container>
      <LiveRoom
        lessonId={lessonId}
        userId={userId}
        moderator={role === "moderator"}
        title={info.lessonTitle}
        courseTitle={info.courseTitle}
        lessonHref={`/courses/${encodeURIComponent(info.courseSlug)}/lessons/${lessonId}`}
        teacherName={info.teacherName}
        session={{ status: session.status, startsAt: session.startsAt.toISOString(), plannedMinutes: session.plannedMinutes }}
        streamSrc={playableUrl(session.streamUrl)}
        recordingSrc={playableUrl(session.recordingUrl)}
        serverNow={now.getTime()}
        realtimeUrl={env().REALTIME_PUBLIC_URL}
        since={since}
        history={history}
      />
    </Container>
  );
}
