// The live room of a lesson of kind "live": the player (the stream while live, the recording afterwards), a
// countdown before the start, pinned announcements, the chat with its scrolling-comment lane, and the
// moderators' tools. Open to the course's enrolled learners and live-room staff; a visitor is sent to sign
// in, anyone else gets the 403 page.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { LiveRoom } from "@/components/live/live-room";
import { Container } from "@/components/ui/container";
import { clockNow } from "@/lib/clock";
import { env } from "@/lib/config/env";
import { roomHistory } from "@/lib/live/chat";
import { liveRoomFor, liveRoomTitle } from "@/lib/live/room-page";
import { playableUrl } from "@/lib/live/stream";
import { roomChannel } from "@/lib/realtime/protocol";
import { lastEventId } from "@/lib/realtime/publish";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ lessonId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const title = await liveRoomTitle((await params).lessonId);
  const t = await getTranslations("Live");
  return title ? { title: t("roomTitle", { title }), robots: { index: false } } : {};
}

export default async function LiveRoomPage({ params }: Props) {
  // The layout has let this viewer in (or answered 404 / sign in / 403); the same cached answer is read here.
  const { info, userId, role } = await liveRoomFor((await params).lessonId);
  const { lessonId } = info;
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
