import { Suspense } from "react";
import { Hero } from "@/components/home/hero";
import { HomeShelves } from "@/components/home/home-shelves";
import { HomeShelvesSkeleton } from "@/components/home/home-shelves-skeleton";

// Reads the locale cookie and live catalogue data: rendered per request, never at build time.
export const dynamic = "force-dynamic";

/** The hero needs no data and shows at once; categories and course shelves stream in behind it. */
export default function HomePage() {
  return (
    <>
      <Hero />
      <Suspense fallback={<HomeShelvesSkeleton />}>
        <HomeShelves />
      </Suspense>
    </>
  );
}
