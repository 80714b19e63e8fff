// Search matches as <mark>, built from text parts: React escapes every part, so a course title or
// description can never inject markup through a highlight.
import type { HighlightPart } from "@/lib/search";

export function Highlighted({ parts, fallback }: { parts: HighlightPart[] | undefined; fallback: string }) {
  if (!parts || parts.length === 0) return <>{fallback}</>;
  return (
    <>
      {parts.map((part, i) => (part.hit ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
    </>
  );
}
