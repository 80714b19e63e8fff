"use client";
// Shared behaviour of the account forms: check the fields in the browser with the server's own zod schema
// before sending, and after any answer move the focus to the first field in error (or the form's alert), so
// keyboard and screen-reader users land on what needs fixing.
import { useEffect, useRef, useState, type FormEvent } from "react";
import type { z } from "zod";
import { fieldErrors, type FieldErrors } from "@/lib/auth/account-schemas";

export function useFormErrors<F extends string>(schema: z.ZodType, serverState: unknown) {
  const formRef = useRef<HTMLFormElement>(null);
  const [clientErrors, setClientErrors] = useState<FieldErrors<F> | null>(null);
  const [focusTick, setFocusTick] = useState(0);
  // The form's initial state is no answer: nothing to focus until the server has answered or a check failed.
  const [initialState] = useState(serverState);

  useEffect(() => {
    const form = formRef.current;
    if (!form || (focusTick === 0 && serverState === initialState)) return;
    const target = form.querySelector<HTMLElement>('[aria-invalid="true"], [role="alert"]');
    target?.focus();
  }, [serverState, initialState, focusTick]);

  /** The onSubmit handler: stops the submission and shows the errors when the schema refuses the fields. */
  const check = (event: FormEvent<HTMLFormElement>) => {
    const data = Object.fromEntries([...new FormData(event.currentTarget).entries()].filter(([, v]) => typeof v === "string"));
    const parsed = schema.safeParse(data);
    if (parsed.success) {
      setClientErrors(null);
      return;
    }
    event.preventDefault();
    setClientErrors(fieldErrors<F>(parsed.error));
    setFocusTick((n) => n + 1);
  };

  /** Marks a field in error from outside a submission (e.g. the send-code button). */
  const setFieldError = (errors: FieldErrors<F>) => {
    setClientErrors(errors);
    setFocusTick((n) => n + 1);
  };

  return { formRef, clientErrors, check, setFieldError };
}
