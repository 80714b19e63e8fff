// A length as the catalogue writes it (lib/catalogue/format.ts): "1 h 25 min" to the eye, and where the short
// units differ from the spoken words (English), "1 hour 25 minutes" to screen readers.
import { VisuallyHidden } from "@/components/ui/visually-hidden";
import { formatDuration } from "@/lib/catalogue/format";

export function Duration({ seconds, locale }: { seconds: number; locale: string }) {
  const short = formatDuration(seconds, locale);
  const long = formatDuration(seconds, locale, "long");
  if (short === long) return <>{short}</>;
  return (
    <>
      <span aria-hidden="true">{short}</span>
      <VisuallyHidden>{long}</VisuallyHidden>
    </>
  );
}
