"use client";
// Progressive enhancement for a GET form's <select>: with JavaScript a change submits the form at once; the
// form's own submit button (shown only without JavaScript) does the same otherwise.
import type { ComponentProps } from "react";

export function AutoSubmitSelect(props: ComponentProps<"select">) {
  return <select {...props} onChange={(event) => event.currentTarget.form?.requestSubmit()} />;
}
