// The frame of the help and legal pages: the title with an optional line under it, a table of contents (a
// column beside the text on wide screens, a box above it on narrow ones) and the text itself.
import type { ReactNode } from "react";
import { Container } from "@/components/ui/container";
import styles from "./document.module.css";

export interface TocEntry {
  id: string;
  label: string;
}

export interface DocumentLayoutProps {
  title: string;
  /** Under the title: a date, a lead paragraph. */
  intro?: ReactNode;
  toc?: { label: string; entries: readonly TocEntry[] };
  children: ReactNode;
  testId?: string;
}

export function DocumentLayout({ title, intro, toc, children, testId }: DocumentLayoutProps) {
  return (
    <Container className={styles.page} data-testid={testId}>
      <header className={styles.head}>
        <h1 className={styles.title}>{title}</h1>
        {intro}
      </header>
      <div className={toc ? styles.withToc : styles.plain}>
        {toc ? (
          <nav aria-labelledby="toc-heading" className={styles.toc} data-testid="toc">
            <h2 id="toc-heading" className={styles.tocHeading}>
              {toc.label}
            </h2>
            <ol className={styles.tocList}>
              {toc.entries.map((entry) => (
                <li key={entry.id}>
                  <a href={`#${entry.id}`}>{entry.label}</a>
                </li>
              ))}
            </ol>
          </nav>
        ) : null}
        <div className={styles.body}>{children}</div>
      </div>
    </Container>
  );
}

/** A titled part of a document; its id is the table of contents' anchor. */
export function DocumentSection({ id, title, children }: { id: string; title: ReactNode; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className={styles.section}>
      <h2 id={id} className={styles.sectionTitle}>
        {title}
      </h2>
      {children}
    </section>
  );
}
