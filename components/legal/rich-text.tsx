import Link from "next/link";
import type { Paragraph } from "@/lib/legal/types";

/** One paragraph of a legal document: plain text, or text with links (site pages through <Link>, the rest as <a>). */
export function RichText({ value }: { value: Paragraph }) {
  if (typeof value === "string") return value;
  return value.map((run, i) =>
    typeof run === "string" ? (
      run
    ) : run.href.startsWith("/") ? (
      <Link key={i} href={run.href}>
        {run.text}
      </Link>
    ) : (
      <a key={i} href={run.href}>
        {run.text}
      </a>
    ),
  );
}
