"use client";
import type { ReactNode } from "react";
import { Button } from "./button";
import styles from "./state.module.css";

export interface ErrorStateProps {
  title: ReactNode;
  description?: ReactNode;
  /** Label of the retry button; no button without onRetry. */
  retryLabel?: ReactNode;
  onRetry?: () => void;
  retrying?: boolean;
  /** Rendered as the page's main heading when the error replaces the whole page content. */
  headingLevel?: 1 | 2;
}

/** Something failed: says so plainly (role="alert", so it is announced) and offers a retry. Never a stack. */
export function ErrorState({ title, description, retryLabel, onRetry, retrying = false, headingLevel = 2 }: ErrorStateProps) {
  const Heading = headingLevel === 1 ? "h1" : "h2";
  return (
    <div className={`${styles.state} ${styles.error}`} role="alert" data-testid="error-state">
      <div className={styles.icon} aria-hidden="true">
        <svg width="40" height="40" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round">
          <circle cx="12" cy="12" r="9" />
          <path d="M12 7.5v5.5M12 16.5h.01" />
        </svg>
      </div>
      <Heading className={styles.title}>{title}</Heading>
      {description ? <p className={styles.description}>{description}</p> : null}
      {onRetry && retryLabel ? (
        <div className={styles.action}>
          <Button onClick={onRetry} loading={retrying}>
            {retryLabel}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
