// The class list shared by <Button> and <LinkButton>, so a link can look exactly like a button.
import styles from "./button.module.css";

export type ButtonVariant = "primary" | "accent" | "secondary" | "ghost" | "danger";
export type ButtonSize = "sm" | "md" | "lg";

export interface ButtonLook {
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** Full width of its container. */
  block?: boolean;
  className?: string;
}

export function buttonClassName({ variant = "primary", size = "md", block = false, className }: ButtonLook): string {
  return [styles.button, styles[variant], styles[size], block ? styles.block : undefined, className].filter(Boolean).join(" ");
}

export const spinnerClassName = styles.spinner;
