// npm run bench:video [-- --seconds 60 --duration 10 --connections 50 --json]
//
// Measures, on this machine:
// - transcoding: the whole pipeline (ffprobe, the one-pass HLS transcode with progress parsing, the poster and
//   the copy into private storage; lib/media/transcode.ts) on a 1080p test clip, against ffmpeg alone running
//   the same arguments on the same file (the floor). Reported as seconds per minute of source and as the
//   pipeline's overhead over the floor (target ≤ 10%).
// - segment serving: a 720p segment through the signed playback route (signature check, storage read with a
//   range-capable stream; app/media/[token]/[...path]/route.ts) against the same bytes as a static file sent by
//   the same HTTP server with fs streams (the ceiling), over loopback with N connections. Target: signed ≥ 80%
//   of static. The server runs in a child process (scripts/bench/video-server.ts) and that process's resident
//   memory alone is sampled from /proc every 200 ms: idle, while the clients fetch the static file, and while
//   they fetch signed segments (target: flat).
// The route runs inside a plain Node HTTP server here, not `next start`: what is measured is our code path,
// not the framework's (bench:catalogue measures the framework's ceilings).
// No database or Redis is touched: the settings below only satisfy the start-up validation.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import autocannon from "autocannon";
import { profile } from "../local/profile";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const SOURCE_SECONDS = arg("seconds", 60);
const DURATION = arg("duration", 10);
const CONNECTIONS = arg("connections", 50);
const JSON_OUT = process.argv.includes("--json");
const log = (msg: string) => console.error(`[bench] ${msg}`);

const benchDir = path.join(profile("test").dataDir, "bench-video");
Object.assign(process.env, {
  NODE_ENV: "test",
  MEDIA_DIR: path.join(benchDir, "media"),
  DATABASE_URL: "mysql://bench@127.0.0.1:1/unused",
  UPSTASH_REDIS_REST_URL: "http://127.0.0.1:1",
  UPSTASH_REDIS_REST_TOKEN: "unused-unused-unused",
  REDIS_URL: "redis://127.0.0.1:1",
  AUTH_SECRET: randomBytes(32).toString("hex"),
  AUTH_JWT_KEYS: JSON.stringify([{ kty: "RSA", kid: "bench", d: "unused" }]),
  LOG_LEVEL: "warn",
});

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await run();
  return { ms: performance.now() - started, value };
}

function ffmpegAlone(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn("/usr/bin/nice", ["-n", "10", "/usr/bin/ffmpeg", ...args], { stdio: ["ignore", "ignore", "ignore"] });
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`ffmpeg exited with ${code}`))));
  });
}

async function load(url: string): Promise<{ requests: number; throughputMBps: number; p99: number; non2xx: number }> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION });
  return { requests: result.requests.average, throughputMBps: result.throughput.average / 1024 / 1024, p99: result.latency.p99, non2xx: result.non2xx };
}

/** Resident memory of a process, from /proc (the kernel's own count, as `ps` shows it). */
function rssOf(pid: number): number {
  const m = /^VmRSS:\s+(\d+) kB$/m.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
  return m ? Number(m[1]) * 1024 : Number.NaN;
}

/** Starts the benchmark's web server in its own Node process (tsx as a loader, so the pid is the server's). */
async function startServer(staticFile: string): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(__dirname, "video-server.ts")], {
    env: { ...process.env, BENCH_STATIC_FILE: staticFile },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const first = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once("line", resolve);
    child.once("exit", (code) => reject(new Error(`the benchmark server exited with ${code}`)));
  });
  return { child, port: (JSON.parse(first) as { port: number }).port };
}

/** Samples `pid`'s RSS every 200 ms while `run` runs. */
async function sampled<T>(pid: number, run: () => Promise<T>): Promise<{ value: T; rss: number[] }> {
  const rss = [rssOf(pid)];
  const timer = setInterval(() => rss.push(rssOf(pid)), 200);
  try {
    const value = await run();
    rss.push(rssOf(pid));
    return { value, rss };
  } finally {
    clearInterval(timer);
  }
}

async function main(): Promise<void> {
  const { makeTestClip, probe, renditionsFor, hlsArgs } = await import("../../lib/media/ffmpeg");
  const { transcodeToStorage } = await import("../../lib/media/transcode");
  const { mediaSigningKey, signMediaPath } = await import("../../lib/media/signing");
  const { mediaConfig } = await import("../../lib/media/config");

  fs.mkdirSync(benchDir, { recursive: true });
  const source = path.join(benchDir, `source-${SOURCE_SECONDS}s-1080p.mp4`);
  if (!fs.existsSync(source)) {
    log(`Making a ${SOURCE_SECONDS} s 1080p test clip (cached in ${path.relative(process.cwd(), source)}) ...`);
    await makeTestClip(source, { seconds: SOURCE_SECONDS, width: 1920, height: 1080 });
  }
  const info = await probe(source);
  const minutes = info.durationSeconds / 60;

  log("ffmpeg alone (the floor) ...");
  const floorDir = path.join(benchDir, "floor");
  fs.rmSync(floorDir, { recursive: true, force: true });
  const renditions = renditionsFor(info.height);
  for (const h of renditions) fs.mkdirSync(path.join(floorDir, String(h)), { recursive: true });
  const floorArgs = hlsArgs({ input: source, outDir: floorDir, source: info, renditions }).filter((a, i, all) => !(a === "-progress" || all[i - 1] === "-progress"));
  const floorBefore = await timed(() => ffmpegAlone(floorArgs));

  log("the transcoding pipeline ...");
  const pipeline = await timed(() => transcodeToStorage(source, { folderPrefix: "bench", onProgress: () => undefined }));
  // ffmpeg alone once more after the pipeline, and the two averaged: on a shared machine the order matters.
  log("ffmpeg alone again ...");
  const floorAfter = await timed(() => ffmpegAlone(floorArgs));
  const floor = { ms: (floorBefore.ms + floorAfter.ms) / 2 };
  const folder = pipeline.value.dir;

  // The segment both servers send: the first 720p segment, copied as a plain file for the static path.
  const segmentFile = path.join(mediaConfig().assetsDir, "video", folder, "720", "seg_00000.ts");
  const staticFile = path.join(benchDir, "static-seg.ts");
  fs.copyFileSync(segmentFile, staticFile);
  const segmentBytes = fs.statSync(staticFile).size;
  const signedPath = signMediaPath(mediaSigningKey(process.env.AUTH_SECRET!), folder, Math.floor(Date.now() / 1000) + 3600, "720/seg_00000.ts");

  const { child, port } = await startServer(staticFile);
  const pid = child.pid!;
  // One request of each kind first (modules loaded, buffers allocated), then a quiet second as the baseline.
  for (const p of ["/static/seg.ts", signedPath]) await (await fetch(`http://127.0.0.1:${port}${p}`)).arrayBuffer();
  const idle = await sampled(pid, () => new Promise((resolve) => setTimeout(resolve, 1_000)));
  log(`static ${segmentBytes} B segment, ${CONNECTIONS} connections, ${DURATION} s ...`);
  const staticRun = await sampled(pid, () => load(`http://127.0.0.1:${port}/static/seg.ts`));
  log("signed segment ...");
  const signedRun = await sampled(pid, () => load(`http://127.0.0.1:${port}${signedPath}`));
  const after = rssOf(pid);
  child.kill("SIGTERM");
  await new Promise((resolve) => child.once("exit", resolve));
  const mb = (b: number) => Math.round((b / 1024 / 1024) * 10) / 10;

  const result = {
    source: { seconds: info.durationSeconds, width: info.width, height: info.height, renditions },
    transcode: {
      ffmpegAloneSecondsPerMinute: Math.round((floor.ms / 1000 / minutes) * 10) / 10,
      pipelineSecondsPerMinute: Math.round((pipeline.ms / 1000 / minutes) * 10) / 10,
      overheadPercent: Math.round(((pipeline.ms - floor.ms) / floor.ms) * 1000) / 10,
      targetPercent: 10,
    },
    serving: {
      segmentBytes,
      connections: CONNECTIONS,
      static: staticRun.value,
      signed: signedRun.value,
      signedOfStaticPercent: Math.round((signedRun.value.requests / staticRun.value.requests) * 1000) / 10,
      targetPercent: 80,
      // The server process alone (not the clients).
      serverRssMB: {
        idle: mb(Math.max(...idle.rss)),
        staticMin: mb(Math.min(...staticRun.rss)),
        staticMax: mb(Math.max(...staticRun.rss)),
        signedMin: mb(Math.min(...signedRun.rss)),
        signedMax: mb(Math.max(...signedRun.rss)),
        signedLast: mb(signedRun.rss.at(-1)!),
        after: mb(after),
        samples: staticRun.rss.length + signedRun.rss.length,
      },
    },
  };
  fs.rmSync(path.join(mediaConfig().assetsDir, "video", folder), { recursive: true, force: true });
  if (JSON_OUT) {
    console.log(JSON.stringify(result, null, 2));
    return;
  }
  const t = result.transcode;
  const s = result.serving;
  console.log(
    [
      `Transcode, ${Math.round(info.durationSeconds)} s of ${info.width}x${info.height} into ${renditions.map((h) => `${h}p`).join("/")}:`,
      `  ffmpeg alone  ${t.ffmpegAloneSecondsPerMinute} s per minute of source`,
      `  pipeline      ${t.pipelineSecondsPerMinute} s per minute  (${t.overheadPercent >= 0 ? "+" : ""}${t.overheadPercent}% over ffmpeg alone; target ≤ ${t.targetPercent}%)`,
      `Segment serving, ${segmentBytes} B, ${CONNECTIONS} connections, ${DURATION} s, loopback:`,
      `  static file   ${Math.round(s.static.requests)} req/s, ${s.static.throughputMBps.toFixed(1)} MB/s, p99 ${s.static.p99} ms`,
      `  signed URL    ${Math.round(s.signed.requests)} req/s, ${s.signed.throughputMBps.toFixed(1)} MB/s, p99 ${s.signed.p99} ms  (${s.signedOfStaticPercent}% of static; target ≥ ${s.targetPercent}%; non-2xx ${s.signed.non2xx})`,
      `  server RSS    idle ${s.serverRssMB.idle} MB; static ${s.serverRssMB.staticMin}–${s.serverRssMB.staticMax} MB; signed ${s.serverRssMB.signedMin}–${s.serverRssMB.signedMax} MB (last ${s.serverRssMB.signedLast} MB); after ${s.serverRssMB.after} MB`,
    ].join("\n"),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
