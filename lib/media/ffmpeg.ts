// The OS's ffmpeg and ffprobe (Debian packages; never a downloaded binary), spawned directly: probing a file,
// transcoding it to HLS renditions in one pass with progress, a poster frame, and the demo clips made from
// ffmpeg's own test sources. No database or storage here: the transcode job, the seed and the benchmark
// share it.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export const FFMPEG = process.env.FFMPEG_PATH ?? "/usr/bin/ffmpeg";
export const FFPROBE = process.env.FFPROBE_PATH ?? "/usr/bin/ffprobe";

export const ffmpegInstalled = () => fs.existsSync(/*turbopackIgnore: true*/ FFMPEG) && fs.existsSync(/*turbopackIgnore: true*/ FFPROBE);

/** A problem with the file itself, worded for the author: retrying the same file will not help. */
export class MediaFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MediaFileError";
  }
}

export interface ProbeResult {
  durationSeconds: number;
  width: number;
  height: number;
  hasAudio: boolean;
}

interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(cmd: string, args: string[], opts: { onStdout?: (chunk: string) => void; signal?: AbortSignal; nice?: boolean } = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    // Below the web process and the database in the scheduler's eyes: a transcode must not starve the site.
    const [bin, argv] = opts.nice && fs.existsSync("/usr/bin/nice") ? ["/usr/bin/nice", ["-n", "10", cmd, ...args]] : [cmd, args];
    const child = spawn(bin, argv, { stdio: ["ignore", "pipe", "pipe"], signal: opts.signal });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      if (opts.onStdout) opts.onStdout(chunk);
      else if (stdout.length < 1_000_000) stdout += chunk;
    });
    // Only the tail matters for a reason; ffmpeg can write a lot.
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr = (stderr + chunk).slice(-8_000);
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

const lastLine = (text: string) =>
  text
    .trim()
    .split("\n")
    .filter((l) => l.trim() !== "")
    .pop()
    ?.slice(0, 160) ?? "";

/** Duration, picture size and whether there is sound; a MediaFileError for anything that is not a playable video. */
export async function probe(file: string): Promise<ProbeResult> {
  const { code, stdout, stderr } = await run(FFPROBE, ["-v", "error", "-print_format", "json", "-show_format", "-show_streams", file]);
  // ffprobe names the file; the author does not need our server's paths.
  if (code !== 0) throw new MediaFileError(`the file could not be read as a video (${lastLine(stderr.split(file).join("file")) || `ffprobe exited with ${code}`})`);
  const info = JSON.parse(stdout) as { format?: { duration?: string }; streams?: { codec_type?: string; width?: number; height?: number; duration?: string; disposition?: { attached_pic?: number } }[] };
  const video = info.streams?.find((s) => s.codec_type === "video" && !s.disposition?.attached_pic);
  if (!video || !video.width || !video.height) throw new MediaFileError("the file has no video track");
  const durationSeconds = Number(info.format?.duration ?? video.duration ?? Number.NaN);
  if (!Number.isFinite(durationSeconds) || durationSeconds <= 0) throw new MediaFileError("the file's length could not be read (is it truncated?)");
  return { durationSeconds, width: video.width, height: video.height, hasAudio: info.streams?.some((s) => s.codec_type === "audio") ?? false };
}

const LADDER = [
  { height: 360, videoKbps: 800 },
  { height: 720, videoKbps: 2_800 },
  { height: 1080, videoKbps: 5_000 },
] as const;

/** The renditions for a source of `height`: 360p, 720p and 1080p, none taller than the source (which adds its own when it falls between). */
export function renditionsFor(height: number): number[] {
  const even = Math.max(2, height - (height % 2));
  const kept: number[] = LADDER.map((r) => r.height).filter((h) => h <= even);
  if (kept.length < LADDER.length && !kept.includes(even)) kept.push(even);
  return kept;
}

const kbpsFor = (height: number) => LADDER.find((r) => r.height >= height)?.videoKbps ?? 5_000;

export interface TranscodeOptions {
  input: string;
  outDir: string;
  source: ProbeResult;
  renditions: number[];
  /** 0-100, as ffmpeg reports its position; called at most about once a second. */
  onProgress?: (percent: number) => void;
  signal?: AbortSignal;
  /** Seconds per segment (6 as Apple suggests). */
  segmentSeconds?: number;
}

/** The ffmpeg arguments for one pass that writes every rendition, its playlist and the master playlist. */
export function hlsArgs(opts: Omit<TranscodeOptions, "onProgress" | "signal">): string[] {
  const { input, outDir, source, renditions, segmentSeconds = 6 } = opts;
  const n = renditions.length;
  const split = `[0:v]split=${n}${renditions.map((_, i) => `[v${i}]`).join("")}`;
  const scales = renditions.map((h, i) => `[v${i}]scale=-2:${h}[v${i}out]`);
  const args = ["-hide_banner", "-y", "-nostdin", "-i", input, "-filter_complex", [split, ...scales].join(";")];
  renditions.forEach((h, i) => {
    const kbps = kbpsFor(h);
    args.push("-map", `[v${i}out]`, `-c:v:${i}`, "libx264", `-b:v:${i}`, `${kbps}k`, `-maxrate:v:${i}`, `${Math.round(kbps * 1.1)}k`, `-bufsize:v:${i}`, `${kbps * 2}k`);
    if (source.hasAudio) args.push("-map", "a:0");
  });
  args.push(
    "-preset", "veryfast", "-profile:v", "main", "-pix_fmt", "yuv420p",
    // A key frame at every segment boundary, so every rendition's segments line up and switching is seamless.
    "-force_key_frames", `expr:gte(t,n_forced*${segmentSeconds})`, "-sc_threshold", "0",
  );
  if (source.hasAudio) args.push("-c:a", "aac", "-b:a", "128k", "-ac", "2");
  args.push(
    "-f", "hls", "-hls_time", String(segmentSeconds), "-hls_playlist_type", "vod", "-hls_flags", "independent_segments",
    "-master_pl_name", "master.m3u8",
    "-hls_segment_filename", path.join(outDir, "%v", "seg_%05d.ts"),
    "-var_stream_map", renditions.map((h, i) => (source.hasAudio ? `v:${i},a:${i},name:${h}` : `v:${i},name:${h}`)).join(" "),
    "-progress", "pipe:1", "-nostats",
    path.join(outDir, "%v", "index.m3u8"),
  );
  return args;
}

/** Runs the HLS transcode; throws a MediaFileError with ffmpeg's own last words when it fails. */
export async function transcodeHls(opts: TranscodeOptions): Promise<void> {
  for (const h of opts.renditions) fs.mkdirSync(path.join(opts.outDir, String(h)), { recursive: true });
  let buffered = "";
  let lastReported = -1;
  let lastAt = 0;
  const onStdout = (chunk: string) => {
    buffered += chunk;
    const lines = buffered.split("\n");
    buffered = lines.pop() ?? "";
    for (const line of lines) {
      // out_time_us (out_time_ms is microseconds too, despite its name).
      const m = /^out_time_us=(\d+)/.exec(line);
      if (!m || !opts.onProgress) continue;
      const percent = Math.min(99, Math.floor((Number(m[1]) / 1e6 / opts.source.durationSeconds) * 100));
      if (percent > lastReported && Date.now() - lastAt >= 1_000) {
        lastReported = percent;
        lastAt = Date.now();
        opts.onProgress(percent);
      }
    }
  };
  const { code, stderr } = await run(FFMPEG, hlsArgs(opts), { onStdout, signal: opts.signal, nice: true });
  if (code !== 0) throw new MediaFileError(`transcoding failed (${lastLine(stderr.split(opts.input).join("file").split(opts.outDir).join("output")) || `ffmpeg exited with ${code}`})`);
  if (!fs.existsSync(path.join(opts.outDir, "master.m3u8"))) throw new MediaFileError("transcoding produced no playlist");
  // A truncated file whose header survived probes fine and ffmpeg stops quietly at the cut: compare lengths.
  const playlist = fs.readFileSync(path.join(opts.outDir, String(opts.renditions[0]), "index.m3u8"), "utf8");
  const seconds = [...playlist.matchAll(/^#EXTINF:([\d.]+)/gm)].reduce((sum, m) => sum + Number(m[1]), 0);
  if (seconds < opts.source.durationSeconds - Math.max(1, opts.source.durationSeconds * 0.03)) {
    throw new MediaFileError(`the file is incomplete: only ${Math.round(seconds)} s of its ${Math.round(opts.source.durationSeconds)} s could be read`);
  }
  opts.onProgress?.(100);
}

/** A JPEG still from a tenth of the way in (past black openings), at most 720 pixels tall. */
export async function poster(input: string, out: string, source: ProbeResult): Promise<void> {
  const at = Math.min(source.durationSeconds * 0.1, 10).toFixed(2);
  const height = Math.min(720, source.height - (source.height % 2));
  const { code, stderr } = await run(FFMPEG, ["-hide_banner", "-y", "-nostdin", "-ss", at, "-i", input, "-frames:v", "1", "-vf", `scale=-2:${height}`, "-q:v", "3", out], { nice: true });
  if (code !== 0 || !fs.existsSync(out)) throw new MediaFileError(`the poster frame could not be made (${lastLine(stderr)})`);
}

/** A short MP4 from ffmpeg's test sources: moving colour bars with a sine tone. For the seed, tests and the benchmark. */
export async function makeTestClip(out: string, opts: { seconds: number; width: number; height: number; frequency?: number; pattern?: "testsrc2" | "smptehdbars" | "rgbtestsrc" }): Promise<void> {
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const { seconds, width, height, frequency = 440, pattern = "testsrc2" } = opts;
  const { code, stderr } = await run(FFMPEG, [
    "-hide_banner", "-y", "-nostdin",
    "-f", "lavfi", "-i", `${pattern}=size=${width}x${height}:rate=25`,
    "-f", "lavfi", "-i", `sine=frequency=${frequency}:sample_rate=48000`,
    "-t", String(seconds), "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "96k", "-shortest", "-movflags", "+faststart", out,
  ]);
  if (code !== 0) throw new Error(`making a test clip failed: ${lastLine(stderr)}`);
}
