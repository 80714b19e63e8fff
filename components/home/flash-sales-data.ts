// The home page's flash-sale band reads the open sales through the read-through cache (lib/cache), never
// straight from MySQL per visit: the home page is the busiest page, and a band that lags a few seconds behind an
// admin's change is fine (the band only links to /seckill and the sale pages, which read live data).
import "server-only";
import { cached } from "@/lib/cache";
import { listOpenSales } from "@/lib/seckill/sales";
import { pickHomeSales, type HomeSale, type HomeSalePhase } from "./home-sales";

/** How long the list is shared before it is read again. */
const TTL_SECONDS = 15;
/** Read a few more than shown, so sales that end or sell out while the entry is fresh leave others to show. */
const READ = 12;

/** What the band shows now. */
export async function homeFlashSales(): Promise<Array<HomeSale & { phase: HomeSalePhase }>> {
  return pickHomeSales(await readSales(), Date.now());
}

async function readSales(): Promise<HomeSale[]> {
  const rows = await cached("home:flash-sales", { tags: [], ttlSeconds: TTL_SECONDS }, async () =>
    (await listOpenSales(new Date(), READ)).map(
      (s): HomeSale => ({
        id: s.id,
        courseTitle: s.courseTitle,
        priceFen: s.priceFen,
        listPriceFen: s.listPriceFen,
        startsAt: s.startsAt.getTime(),
        endsAt: s.endsAt.getTime(),
        seatsLeft: s.seatsLeft,
      }),
    ),
  );
  return rows ?? [];
}
