// Xuefu's service worker: keeps the catalogue and the cart usable without a connection.
// - Pages of the catalogue and the cart (/, /courses…, /cart) are fetched from the network first; a copy of
//   each successful one is kept, and shown when the network is gone ("pages already visited still render").
// - Build assets under /_next/static/ never change under a name: served from the cache once fetched.
// - Nothing else is cached: no API answers, no account, order or admin pages (they are personal or live).
const VERSION = "v1";
const PAGES = `xuefu-pages-${VERSION}`;
const ASSETS = `xuefu-assets-${VERSION}`;
const OFFLINE_PATHS = /^\/(?:$|courses(?:\/|$)|cart$)/;

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (!name.endsWith(VERSION)) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith("/_next/static/")) {
    event.respondWith(cacheFirst(request));
    return;
  }
  if (request.mode === "navigate" && OFFLINE_PATHS.test(url.pathname)) event.respondWith(networkFirst(request));
});

async function cacheFirst(request) {
  const cache = await caches.open(ASSETS);
  const hit = await cache.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

async function networkFirst(request) {
  const cache = await caches.open(PAGES);
  try {
    const response = await fetch(request);
    if (response.ok && response.type === "basic") await cache.put(request, response.clone());
    return response;
  } catch (error) {
    const hit = (await cache.match(request)) ?? (await cache.match(request, { ignoreSearch: true }));
    if (hit) return hit;
    throw error;
  }
}
