"use client";
// A client component because the loading state swallows clicks, which needs an event handler.
import type { ButtonHTMLAttributes, MouseEvent } from "react";
import { buttonClassName, spinnerClassName, type ButtonLook } from "./button-class";

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement>, ButtonLook {
  /**
   * Shows a spinner and sets aria-busy. The button stays focusable (aria-disabled rather than disabled) so
   * keyboard users do not lose their place, but ignores clicks and submits until the work is done.
   */
  loading?: boolean;
}

export function Button({
  variant,
  size,
  block,
  className,
  loading = false,
  type = "button",
  onClick,
  "aria-disabled": ariaDisabled,
  children,
  ...rest
}: ButtonProps) {
  const handleClick = (event: MouseEvent<HTMLButtonElement>) => {
    if (loading) {
      event.preventDefault();
      return;
    }
    onClick?.(event);
  };
  return (
    <button
      {...rest}
      type={type}
      className={buttonClassName({ variant, size, block, className })}
      aria-busy={loading || undefined}
      aria-disabled={loading || ariaDisabled || undefined}
      onClick={handleClick}
    >
      {loading ? <span className={spinnerClassName} aria-hidden="true" /> : null}
      {children}
    </button>
  );
}
