import Link from "next/link";
import { useId, type ReactNode } from "react";
import { Container } from "@/components/ui/container";
import styles from "./home-section.module.css";

export interface HomeSectionProps {
  title: ReactNode;
  /** An optional "see all" link at the end of the heading row. */
  more?: { href: string; label: ReactNode };
  children: ReactNode;
  testId?: string;
}

/** A titled band of the home page (categories, a shelf of courses). */
export function HomeSection({ title, more, children, testId }: HomeSectionProps) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className={styles.section} data-testid={testId}>
      <Container>
        <div className={styles.head}>
          <h2 id={headingId} className={styles.title}>
            {title}
          </h2>
          {more ? (
            <Link href={more.href} className={styles.more} aria-describedby={headingId}>
              {more.label}
              <span aria-hidden="true"> →</span>
            </Link>
          ) : null}
        </div>
        {children}
      </Container>
    </section>
  );
}
