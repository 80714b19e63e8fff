// A lesson kind's icon, shared by the syllabus, the lesson page and its poster. Durations are written by
// lib/catalogue/format.ts (formatDuration) and components/catalogue/duration.tsx.
import type { SyllabusLesson } from "@/lib/catalogue/course-detail";

const PATHS: Record<SyllabusLesson["kind"], string> = {
  video: "M4 5h11a1 1 0 0 1 1 1v12a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1zm12 5 5-3v10l-5-3",
  article: "M6 3h9l4 4v14H6zM14 3v5h5M9 12h7M9 16h7",
  lab: "M9 3h6M10 3v6l-5 9a2 2 0 0 0 2 3h10a2 2 0 0 0 2-3l-5-9V3M7.5 15h9",
  live: "M12 12m-2 0a2 2 0 1 0 4 0a2 2 0 1 0-4 0M7.8 7.8a6 6 0 0 0 0 8.4M16.2 7.8a6 6 0 0 1 0 8.4M5 5a10 10 0 0 0 0 14M19 5a10 10 0 0 1 0 14",
};

/** Decorative: the kind is always also written out next to it. */
export function LessonKindIcon({ kind, size = 18 }: { kind: SyllabusLesson["kind"]; size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.7" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <path d={PATHS[kind]} />
    </svg>
  );
}
