"use client";
// A header menu (the account menu, the phone menu) built on <details>/<summary>, so it opens and closes without
// JavaScript. Once hydrated it adds what the element lacks: aria-expanded and aria-controls on the button
// (<summary> is a button to assistive technology), Escape closes it and returns focus to the button, a click
// or focus outside closes it, and following one of its links closes it (the header stays mounted while the
// client router changes pages). The contents come from the server as children.
import { useEffect, useId, useRef, useState, useSyncExternalStore, type MouseEvent, type ReactNode } from "react";

const noSubscription = () => () => {};
/** False in the server's HTML and during hydration, true from then on. */
const useHydrated = () =>
  useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );

export interface HeaderDisclosureProps {
  /** The button's accessible name (its visible content may be an icon or an avatar). */
  label: string;
  /** What the button shows. */
  button: ReactNode;
  children: ReactNode;
  className?: string;
  buttonClassName?: string;
  panelClassName?: string;
  testId?: string;
  buttonTestId?: string;
}

export function HeaderDisclosure({ label, button, children, className, buttonClassName, panelClassName, testId, buttonTestId }: HeaderDisclosureProps) {
  const detailsRef = useRef<HTMLDetailsElement>(null);
  const summaryRef = useRef<HTMLElement>(null);
  const [open, setOpen] = useState(false);
  // Before hydration the browser's own <details> semantics speak for the button; an aria-expanded written on the
  // server could not follow a toggle made without JavaScript.
  const hydrated = useHydrated();
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    const details = detailsRef.current;
    const close = (refocus: boolean) => {
      if (details) details.open = false;
      if (refocus) summaryRef.current?.focus();
    };
    const onPointerDown = (event: PointerEvent) => {
      if (details && !details.contains(event.target as Node)) close(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      // Focus goes back to the button only when it was inside the menu; otherwise it stays where it is.
      close(Boolean(details?.contains(document.activeElement)));
    };
    const onFocusOut = (event: FocusEvent) => {
      const next = event.relatedTarget as Node | null;
      if (next && details && !details.contains(next)) close(false);
    };
    document.addEventListener("pointerdown", onPointerDown);
    document.addEventListener("keydown", onKeyDown);
    details?.addEventListener("focusout", onFocusOut);
    return () => {
      document.removeEventListener("pointerdown", onPointerDown);
      document.removeEventListener("keydown", onKeyDown);
      details?.removeEventListener("focusout", onFocusOut);
    };
  }, [open]);

  const onPanelClick = (event: MouseEvent<HTMLDivElement>) => {
    if ((event.target as Element).closest("a[href]") && detailsRef.current) detailsRef.current.open = false;
  };

  return (
    <details ref={detailsRef} className={className} onToggle={(event) => setOpen(event.currentTarget.open)} data-testid={testId}>
      <summary
        ref={summaryRef}
        className={buttonClassName}
        aria-label={label}
        aria-expanded={hydrated ? open : undefined}
        aria-controls={hydrated ? panelId : undefined}
        data-testid={buttonTestId}
      >
        {button}
      </summary>
      {/* Clicks are only listened to for the links inside, which a keyboard activates as clicks too. */}
      <div id={panelId} className={panelClassName} onClick={onPanelClick}>
        {children}
      </div>
    </details>
  );
}
