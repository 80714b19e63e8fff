// Which requests the full-page cache may answer, and under what key. Pure (no I/O), so the rules are unit-tested
// on their own and the middleware asks them before touching Redis.
//
// Only anonymous document GETs of the catalogue pages are cached: /courses (when its query string is already
// the canonical one that catalogueHref builds, so one list has one entry and the HTML's embedded router state
// matches the address exactly) and /courses/<slug> without a query. Never RSC requests (client navigation,
// prefetches, router.refresh()), server actions, HEAD, or anything else.
import { catalogueHref, parseCatalogueParams, type RawSearchParams } from "@/lib/catalogue/page-params";
import { resolveLocale, type AppLocale } from "@/lib/i18n/config";

/** Response header telling tests and operators how the page was answered. */
export const PAGE_CACHE_HEADER = "x-xuefu-page-cache";
/** Request header (with a secret derived from AUTH_SECRET) on the cache's own fill requests. */
export const PAGE_FILL_HEADER = "x-xuefu-page-fill";

/**
 * Request headers that mark a request of the client router, which expects an RSC payload rather than HTML.
 * Next strips these (and `_rsc`) from what middleware sees unless next.config.js sets skipProxyUrlNormalize,
 * which it does for this reason.
 */
const RSC_HEADERS = ["rsc", "next-router-prefetch", "next-router-state-tree", "next-router-segment-prefetch", "next-action"];

const COURSE_PATH = /^\/courses\/[^/]+$/;

export interface CacheablePage {
  /** Path and query exactly as requested (and as rendered into the HTML). */
  url: string;
  locale: AppLocale;
  /** The Redis entry's name: locale and address. */
  name: string;
  /** A search (`q`): any words make a new address, so such pages are stored only once asked for again. */
  search: boolean;
}

function rawParams(search: URLSearchParams): RawSearchParams {
  const raw: RawSearchParams = {};
  for (const [k, v] of search) {
    const previous = raw[k];
    raw[k] = previous === undefined ? v : Array.isArray(previous) ? [...previous, v] : [previous, v];
  }
  return raw;
}

/**
 * The cache entry for a request, or null when the page cache must not answer it. `localeCookie` is the raw
 * NEXT_LOCALE value: the only cookie anonymous HTML depends on.
 */
export function cacheablePage(method: string, pathname: string, queryString: string, headers: Headers, localeCookie: string | undefined): CacheablePage | null {
  if (method !== "GET") return null;
  const list = pathname === "/courses";
  if (!list && !COURSE_PATH.test(pathname)) return null;
  if (RSC_HEADERS.some((name) => headers.has(name))) return null;
  // A second guard: browsers mark navigations `document`; the router's fetches are `empty`.
  const dest = headers.get("sec-fetch-dest");
  if (dest !== null && dest !== "document") return null;
  const query = new URLSearchParams(queryString);
  if (query.has("_rsc")) return null;
  let url: string;
  let search = false;
  if (list) {
    url = queryString && queryString !== "?" ? `/courses${queryString}` : "/courses";
    // Only the canonical address of a list: anything else (empty fields of a no-JS form, repeated or unknown
    // parameters, a different order) renders normally rather than filling the cache with variants.
    const state = parseCatalogueParams(rawParams(query));
    if (catalogueHref(state, { page: state.page }) !== url) return null;
    search = state.q !== undefined;
  } else if (queryString === "" || queryString === "?") {
    url = pathname;
  } else {
    return null;
  }
  const locale = resolveLocale(localeCookie);
  return { url, locale, name: `${locale}|${url}`, search };
}
