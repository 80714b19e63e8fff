import { useId, type InputHTMLAttributes, type ReactNode } from "react";
import styles from "./input.module.css";
import { VisuallyHidden } from "./visually-hidden";

export interface InputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "id"> {
  /** Every input has a label; hide it visually only when the context makes the purpose obvious. */
  label: ReactNode;
  hideLabel?: boolean;
  hint?: ReactNode;
  /** A field error; sets aria-invalid and is announced with the field. */
  error?: ReactNode;
  id?: string;
  /** Something drawn inside the field at the start, e.g. an icon. Decorative. */
  leading?: ReactNode;
  className?: string;
}

export function Input({ label, hideLabel = false, hint, error, id, leading, className, ...rest }: InputProps) {
  const generated = useId();
  const inputId = id ?? generated;
  const hintId = hint ? `${inputId}-hint` : undefined;
  const errorId = error ? `${inputId}-error` : undefined;
  const describedBy = [rest["aria-describedby"], hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={[styles.field, hideLabel ? styles.compact : undefined, className].filter(Boolean).join(" ")}>
      <label htmlFor={inputId} className={styles.label}>
        {hideLabel ? <VisuallyHidden>{label}</VisuallyHidden> : label}
      </label>
      <div className={styles.control}>
        {leading ? (
          <span className={styles.leading} aria-hidden="true">
            {leading}
          </span>
        ) : null}
        <input
          {...rest}
          id={inputId}
          className={[styles.input, leading ? styles.withLeading : undefined].filter(Boolean).join(" ")}
          aria-invalid={error ? true : rest["aria-invalid"]}
          aria-describedby={describedBy}
        />
      </div>
      {hint ? (
        <p id={hintId} className={styles.hint}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className={styles.error}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
