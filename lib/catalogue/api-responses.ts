// How the public catalogue API answers: JSON with cache headers for shared caches, and Link headers for pages.
import "server-only";

/**
 * Public, identical for everyone, and cached in Redis behind: a CDN or browser may keep an answer 2 s, so with
 * the cache's own 1 s in-process layer a change still shows everywhere within 5 s.
 */
export const PUBLIC_CACHE_CONTROL = "public, max-age=2, s-maxage=2";

export function publicJson(body: unknown, headers: Record<string, string> = {}): Response {
  return Response.json(body, { headers: { "cache-control": PUBLIC_CACHE_CONTROL, ...headers } });
}

/** RFC 8288 Link header with first, prev, next and last pages of a list. */
export function pageLinks(requestUrl: string, page: number, perPage: number, total: number): string {
  const last = Math.max(1, Math.ceil(total / perPage));
  const at = (p: number) => {
    const url = new URL(requestUrl);
    url.searchParams.set("page", String(p));
    url.searchParams.set("per_page", String(perPage));
    return `<${url.pathname}${url.search}>`;
  };
  const links = [`${at(1)}; rel="first"`];
  if (page > 1) links.push(`${at(Math.min(page - 1, last))}; rel="prev"`);
  if (page < last) links.push(`${at(page + 1)}; rel="next"`);
  links.push(`${at(last)}; rel="last"`);
  return links.join(", ");
}
