// The web server of `npm run bench:video`, in a process of its own so that the parent can sample this
// process's resident memory alone while its clients (autocannon, in the parent) stream. It serves
//   /static/seg.ts    the segment as a plain file, fs streams piped to the socket (the ceiling)
//   /media/...        the signed playback route (app/media/[token]/[...path]/route.ts)
// and writes {"port": n} on its first line of stdout once listening. Settings come from the parent's env
// (MEDIA_DIR, AUTH_SECRET, ...); BENCH_STATIC_FILE names the static copy.
import fs from "node:fs";
import http from "node:http";
import { Readable } from "node:stream";

async function main(): Promise<void> {
  const staticFile = process.env.BENCH_STATIC_FILE;
  if (!staticFile || !fs.existsSync(staticFile)) throw new Error("BENCH_STATIC_FILE must name the static segment");
  const segmentBytes = fs.statSync(staticFile).size;
  const route = await import("../../app/media/[token]/[...path]/route");
  const server = http.createServer((req, res) => {
    if (req.url === "/static/seg.ts") {
      res.writeHead(200, { "content-type": "video/mp2t", "content-length": String(segmentBytes), "accept-ranges": "bytes" });
      fs.createReadStream(staticFile, { highWaterMark: 256 * 1024 }).pipe(res);
      return;
    }
    const [, , token = "", ...rest] = (req.url ?? "").split("?")[0]!.split("/");
    const request = new Request(`http://127.0.0.1${req.url}`, { headers: req.headers as Record<string, string> });
    void route.GET(request, { params: Promise.resolve({ token, path: rest }) }).then((response) => {
      res.writeHead(response.status, Object.fromEntries(response.headers));
      if (response.body) Readable.fromWeb(response.body as import("node:stream/web").ReadableStream).pipe(res);
      else res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  console.log(JSON.stringify({ port: (server.address() as { port: number }).port }));
  process.on("SIGTERM", () => {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
