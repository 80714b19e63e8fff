import type { HTMLAttributes } from "react";
import styles from "./visually-hidden.module.css";

/** Text for screen readers only: hidden from sight, still read aloud and still in the accessibility tree. */
export function VisuallyHidden({ className, ...rest }: HTMLAttributes<HTMLSpanElement>) {
  return <span className={className ? `${styles.hidden} ${className}` : styles.hidden} {...rest} />;
}
