import { Suspense } from "react";
import { ContinueLearning } from "@/components/home/continue-learning";
import { FlashSalesBand } from "@/components/home/flash-sales-band";
import { Hero } from "@/components/home/hero";
import { HomeShelves } from "@/components/home/home-shelves";
import { HomeShelvesSkeleton } from "@/components/home/home-shelves-skeleton";
import { LeaderboardEntry } from "@/components/home/leaderboard-entry";
import { Recommended } from "@/components/home/recommended";

// Reads the locale cookie and live catalogue data: rendered per request, never at build time.
export const dynamic = "force-dynamic";

/**
 * The hero needs no data and shows at once; the flash sales on now (from the cache), a learner's unfinished
 * courses, categories and shelves stream in behind it. The leaderboard's invitation is static.
 */
export default function HomePage() {
  return (
    <>
      <Hero />
      <Suspense fallback={null}>
        <FlashSalesBand />
      </Suspense>
      <Suspense fallback={null}>
        <ContinueLearning />
      </Suspense>
      <Suspense fallback={null}>
        <Recommended />
      </Suspense>
      <Suspense fallback={<HomeShelvesSkeleton />}>
        <HomeShelves />
      </Suspense>
      <LeaderboardEntry />
    </>
  );
}
