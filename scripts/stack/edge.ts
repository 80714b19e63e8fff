// Checks of the edge (nginx) against the running stack, run by `npm run stack:drills` before the drills:
// a client cannot choose its address with X-Forwarded-For, rotating it meets the rate limits all the same,
// bodies over the limit stop at nginx, text is compressed, hashed assets are cached for a year, and /ws
// reaches the real-time gateway.
import http from "node:http";
import { clientAddress, newTally, request } from "./load";
import { publicUrl } from "./topology";

export interface EdgeCheck {
  name: string;
  ok: boolean;
  detail: string;
}

const DEMO_LOGIN = "learner@example.com";
const DEMO_PASSWORD = "Passw0rd!demo";

/** The session id inside a session token (its payload's `sid`), without verifying: only to look it up. */
const sidOf = (token: string) => (JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString("utf8")) as { sid: string }).sid;

export async function edgeChecks(base: number): Promise<EdgeCheck[]> {
  const { redis, key } = await import("@/lib/redis");
  const tally = newTally();
  const checks: EdgeCheck[] = [];

  // 1. The address the app records is the connection's, whatever X-Forwarded-For the client sends.
  const me = clientAddress(base);
  const signedIn = await request(tally, me, "POST", "/api/v1/tokens", { headers: { "x-forwarded-for": "203.0.113.7", "x-real-ip": "203.0.113.8" }, json: { login: DEMO_LOGIN, password: DEMO_PASSWORD } });
  const token = (signedIn.body as { access_token?: string }).access_token;
  // The app's Redis client hands values back as stored (JSON text).
  const stored = token ? await redis().get<unknown>(key("sess", sidOf(token))) : null;
  const session = (typeof stored === "string" ? JSON.parse(stored) : stored) as { ip: string } | null;
  checks.push({ name: "a forged X-Forwarded-For is replaced by the client's address", ok: session?.ip === me, detail: `sent 203.0.113.7 from ${me}; the session records ${session?.ip ?? "nothing"} (sign-in ${signedIn.status})` });

  // 2. Wrong passwords from one address, a new X-Forwarded-For each time: limited all the same.
  const attacker = clientAddress(base + 1);
  const rotated: number[] = [];
  for (let i = 0; i < 40; i++) {
    const reply = await request(tally, attacker, "POST", "/api/v1/tokens", { headers: { "x-forwarded-for": `198.51.${i}.${(i * 7) % 250}` }, json: { login: `nobody-${i}@example.com`, password: "wrong-password" } });
    rotated.push(reply.status);
  }
  const limited = rotated.filter((s) => s === 429).length;
  // The same attempts from 40 real addresses: nobody is limited, so the limit above keys on the address.
  const spread: number[] = [];
  for (let i = 0; i < 40; i++) {
    const reply = await request(tally, clientAddress(base + 10 + i), "POST", "/api/v1/tokens", { json: { login: `nobody-spread-${i}@example.com`, password: "wrong-password" } });
    spread.push(reply.status);
  }
  checks.push({
    name: "rotating X-Forwarded-For still meets the sign-in limit",
    ok: limited >= 20 && spread.every((s) => s !== 429),
    detail: `one address, 40 forged addresses: ${limited} of 40 answered 429; 40 real addresses: ${spread.filter((s) => s === 429).length} answered 429`,
  });

  // 3. A body over the limit never reaches the app.
  const big = await request(tally, clientAddress(base + 60), "POST", "/api/v1/orders", { headers: { authorization: "Bearer x" }, json: { pad: "x".repeat(3 * 1024 * 1024) } });
  checks.push({ name: "a 3 MB body stops at nginx", ok: big.status === 413, detail: `answered ${big.status}` });

  // 4. Text is compressed; hashed assets are served by nginx for a year.
  const page = await fetch(`${publicUrl()}/courses`, { headers: { "accept-encoding": "br, gzip" } });
  const html = await page.text();
  const brOnly = await fetch(`${publicUrl()}/courses`, { headers: { "accept-encoding": "br" } });
  await brOnly.arrayBuffer();
  checks.push({
    name: "pages are compressed (gzip, or brotli for clients that take only brotli)",
    ok: ["br", "gzip"].includes(page.headers.get("content-encoding") ?? "") && brOnly.headers.get("content-encoding") === "br",
    detail: `"br, gzip" → ${page.headers.get("content-encoding")}; "br" → ${brOnly.headers.get("content-encoding")}`,
  });
  const asset = /\/_next\/static\/[^"']+\.js/.exec(html)?.[0];
  const cached = asset ? await fetch(`${publicUrl()}${asset}`) : null;
  await cached?.arrayBuffer();
  checks.push({
    name: "hashed assets are cached for a year",
    ok: cached?.status === 200 && /immutable/.test(cached.headers.get("cache-control") ?? "") && /max-age=31536000/.test(cached.headers.get("cache-control") ?? ""),
    detail: `${asset ?? "no asset found"}: ${cached?.status} ${cached?.headers.get("cache-control")}`,
  });

  // 5. /ws reaches the gateway: without a session it refuses the upgrade with 401, as the gateway does.
  const wsStatus = await new Promise<number>((resolve) => {
    const req = http.get(`${publicUrl()}/ws`, { headers: { connection: "Upgrade", upgrade: "websocket", "sec-websocket-version": "13", "sec-websocket-key": "dGhlIHNhbXBsZSBub25jZQ==", origin: publicUrl() } });
    req.on("response", (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("upgrade", (res, socket) => {
      socket.destroy();
      resolve(res.statusCode ?? 101);
    });
    req.on("error", () => resolve(0));
  });
  checks.push({ name: "/ws is proxied to the real-time gateway", ok: wsStatus === 401, detail: `an upgrade without a session answered ${wsStatus}` });
  return checks;
}
