// A required "I have read and agree to …" checkbox for forms that record consent (sign-up; checkout may reuse
// it). The box is sent as "on" when ticked, which is what the forms' zod schemas accept. No state of its own,
// so it works in server and client components and without JavaScript.
import { useId, type ReactNode } from "react";
import styles from "./consent-checkbox.module.css";

export interface ConsentCheckboxProps {
  name: string;
  /** The sentence, usually with links to the documents agreed to. */
  label: ReactNode;
  /** A field error, shown under the box and announced with it. */
  error?: ReactNode;
  defaultChecked?: boolean;
  testId?: string;
}

export function ConsentCheckbox({ name, label, error, defaultChecked, testId }: ConsentCheckboxProps) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className={styles.consent}>
      <div className={styles.row}>
        <input
          id={id}
          type="checkbox"
          name={name}
          value="on"
          required
          defaultChecked={defaultChecked}
          className={styles.box}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          data-testid={testId}
        />
        <label htmlFor={id} className={styles.label}>
          {label}
        </label>
      </div>
      {error ? (
        <p id={errorId} className={styles.error}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
