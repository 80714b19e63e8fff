// Learner-written text as paragraphs, escaped by React: whatever HTML someone typed is shown as typed and
// never run. Blank lines separate paragraphs; single line breaks are kept (CSS white-space: pre-line).
import type { CSSProperties } from "react";

const style: CSSProperties = { whiteSpace: "pre-line", overflowWrap: "anywhere", margin: "0 0 0.5em" };

export function PlainText({ text, className }: { text: string; className?: string }) {
  const paragraphs = text.split(/\n{2,}/);
  return (
    <div className={className}>
      {paragraphs.map((p, i) => (
        <p key={i} style={style}>
          {p}
        </p>
      ))}
    </div>
  );
}
