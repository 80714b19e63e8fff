"use client";
// Re-renders the page from the server every `everyMs` while mounted: for a flash-sale order whose number the
// learner already has but which the worker has not written yet.
import { useRouter } from "next/navigation";
import { useEffect } from "react";

export function RefreshSoon({ everyMs = 1000 }: { everyMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), everyMs);
    return () => clearInterval(timer);
  }, [router, everyMs]);
  return null;
}
