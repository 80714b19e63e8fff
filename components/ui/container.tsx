import type { HTMLAttributes } from "react";
import styles from "./container.module.css";

/** Centres content at the site's maximum width with responsive side padding. */
export function Container({ className, ...rest }: HTMLAttributes<HTMLDivElement>) {
  return <div className={className ? `${styles.container} ${className}` : styles.container} {...rest} />;
}
