import type { ReactNode } from "react";
import styles from "./state.module.css";

export interface EmptyStateProps {
  title: ReactNode;
  description?: ReactNode;
  /** Usually a <LinkButton> to somewhere useful. */
  action?: ReactNode;
  icon?: ReactNode;
  /** The heading level that fits the surrounding outline. */
  headingLevel?: 2 | 3;
}

/** "Nothing here yet": a calm message, never an error. */
export function EmptyState({ title, description, action, icon, headingLevel = 2 }: EmptyStateProps) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <div className={styles.state}>
      <div className={styles.icon} aria-hidden="true">
        {icon ?? (
          <svg width="40" height="40" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round">
            <path d="M3 7h18M5 7l1.5 12.5a2 2 0 0 0 2 1.5h7a2 2 0 0 0 2-1.5L19 7M9 7V5a3 3 0 0 1 6 0v2" />
          </svg>
        )}
      </div>
      <Heading className={styles.title}>{title}</Heading>
      {description ? <p className={styles.description}>{description}</p> : null}
      {action ? <div className={styles.action}>{action}</div> : null}
    </div>
  );
}
