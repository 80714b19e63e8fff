import type { HTMLAttributes } from "react";
import styles from "./card.module.css";

export interface CardProps extends HTMLAttributes<HTMLElement> {
  /** `article` for self-contained items such as a course; `div` otherwise. */
  as?: "article" | "div" | "section" | "li";
  /** Lifts on hover, for cards that are one big link. */
  interactive?: boolean;
}

export function Card({ as: Tag = "div", interactive = false, className, ...rest }: CardProps) {
  return <Tag className={[styles.card, interactive ? styles.interactive : undefined, className].filter(Boolean).join(" ")} {...rest} />;
}
