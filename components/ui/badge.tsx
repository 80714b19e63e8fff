import type { HTMLAttributes } from "react";
import styles from "./badge.module.css";

export type BadgeTone = "neutral" | "brand" | "accent" | "success" | "warning" | "danger";

export interface BadgeProps extends HTMLAttributes<HTMLSpanElement> {
  tone?: BadgeTone;
}

/** A short label (a level, a language, a status). Its text is its meaning; colour only reinforces it. */
export function Badge({ tone = "neutral", className, ...rest }: BadgeProps) {
  return <span className={[styles.badge, styles[tone], className].filter(Boolean).join(" ")} {...rest} />;
}
