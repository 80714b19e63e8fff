"use client";
// Registers the service worker (public/sw.js) that keeps visited catalogue pages and the cart available
// offline. Called from the header's cart link, which every page renders; registering twice is a no-op.
import { useEffect } from "react";

export function useOfflineSupport(): void {
  useEffect(() => {
    if (!("serviceWorker" in navigator) || process.env.NODE_ENV !== "production") return;
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch((error: unknown) => console.warn("offline support unavailable", error));
  }, []);
}
