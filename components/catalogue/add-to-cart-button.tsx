"use client";
// The course page's "add to cart": the working button (add-to-cart-control.tsx, with the browser-side cart
// store) is loaded after hydration, so it is not part of the page's first-load JavaScript. Until then the
// button is shown but marked unavailable, as the control itself does before hydration.
import { useEffect, useState, type ComponentType } from "react";
import { buttonClassName } from "@/components/ui/button-class";

export function AddToCartButton({ courseId, label }: { courseId: number; label: string }) {
  const [Control, setControl] = useState<ComponentType<{ courseId: number }> | null>(null);
  useEffect(() => {
    let live = true;
    import("./add-to-cart-control")
      .then((m) => {
        if (live) setControl(() => m.AddToCartControl);
      })
      .catch((error: unknown) => console.error("loading the cart button failed", error));
    return () => {
      live = false;
    };
  }, []);
  if (Control) return <Control courseId={courseId} />;
  return (
    <button type="button" className={buttonClassName({ variant: "secondary", block: true })} aria-disabled data-testid="add-to-cart">
      {label}
    </button>
  );
}
