// The pure parts of video handling, with the inputs that go wrong: files that are not videos (by their bytes),
// signed URLs tampered with, moved to another video or expired, and byte ranges past the end; and ffprobe /
// ffmpeg on a file that is not a video and on a truncated one.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseRange, resolveRange } from "@/lib/storage/private";
import { MediaFileError, ffmpegInstalled, makeTestClip, probe, renditionsFor, transcodeHls } from "./ffmpeg";
import { checkMediaToken, isMediaFile, mediaSigningKey, signMediaPath } from "./signing";
import { sniffVideo } from "./sniff";

const bytes = (...parts: (string | number[])[]) => new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...Buffer.from(p, "latin1")] : p)));

describe("sniffVideo", () => {
  it("recognises video containers by their first bytes", () => {
    expect(sniffVideo(bytes([0, 0, 0, 0x20], "ftypisom", [0, 0, 2, 0]))).toBe("mp4");
    expect(sniffVideo(bytes([0, 0, 0, 0x14], "ftypqt  ", [0, 0, 0, 0]))).toBe("mov");
    expect(sniffVideo(bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f]))).toBe("matroska");
    expect(sniffVideo(bytes("RIFF", [1, 2, 3, 4], "AVI LIST"))).toBe("avi");
    expect(sniffVideo(bytes("FLV", [1, 5]))).toBe("flv");
    const ts = new Uint8Array(188 * 3);
    ts[0] = ts[188] = ts[376] = 0x47;
    expect(sniffVideo(ts)).toBe("mpegts");
  });

  it("turns away everything else, whatever its name would say", () => {
    expect(sniffVideo(bytes("%PDF-1.7\n"))).toBeNull();
    expect(sniffVideo(bytes([0x89], "PNG\r\n", [0x1a, 0x0a]))).toBeNull();
    expect(sniffVideo(bytes([0xff, 0xd8, 0xff, 0xe0]))).toBeNull();
    expect(sniffVideo(bytes([0, 0, 0, 0x18], "ftypheic", [0, 0, 0, 0]))).toBeNull(); // a phone photo
    expect(sniffVideo(bytes("just some text that is long enough"))).toBeNull();
    expect(sniffVideo(new Uint8Array())).toBeNull();
    expect(sniffVideo(bytes([0, 0, 0]))).toBeNull(); // cut before the box type
    expect(sniffVideo(new Uint8Array(188).fill(0x47))).toBeNull(); // one packet is not a stream
  });
});

describe("signed media URLs", () => {
  const key = mediaSigningKey("a".repeat(40));
  const folder = "a42-0123456789abcdef";
  const now = 1_800_000_000;
  const tokenOf = (url: string) => url.split("/")[2]!;

  it("open the folder they were signed for until they expire, then never again", () => {
    const url = signMediaPath(key, folder, now + 60);
    expect(url).toMatch(new RegExp(`^/media/${now + 60}-[A-Za-z0-9_-]{43}/${folder}/master\\.m3u8$`));
    expect(checkMediaToken(key, tokenOf(url), folder, now)).toEqual({ ok: true, expires: now + 60 });
    expect(checkMediaToken(key, tokenOf(url), folder, now + 60)).toEqual({ ok: false, reason: "expired" });
    expect(checkMediaToken(key, tokenOf(url), folder, now + 3600)).toEqual({ ok: false, reason: "expired" });
  });

  it("refuse a tampered signature, a moved expiry, another folder or another key", () => {
    const token = tokenOf(signMediaPath(key, folder, now + 60));
    const [expires, sig] = token.split("-") as [string, string];
    const flipped = `${expires}-${sig.slice(0, -1)}${sig.endsWith("A") ? "B" : "A"}`;
    expect(checkMediaToken(key, flipped, folder, now)).toEqual({ ok: false, reason: "bad_signature" });
    expect(checkMediaToken(key, `${now + 99_999}-${sig}`, folder, now)).toEqual({ ok: false, reason: "bad_signature" });
    expect(checkMediaToken(key, token, "a43-0123456789abcdef", now)).toEqual({ ok: false, reason: "bad_signature" });
    expect(checkMediaToken(mediaSigningKey("b".repeat(40)), token, folder, now)).toEqual({ ok: false, reason: "bad_signature" });
  });

  it("refuse malformed tokens and folders before any HMAC", () => {
    for (const token of ["", "123-abc", `${now}`, `${now}-${"A".repeat(42)}`, `${now}-${"A".repeat(44)}`, `-${"A".repeat(43)}`]) {
      expect(checkMediaToken(key, token, folder, now)).toEqual({ ok: false, reason: "malformed" });
    }
    expect(checkMediaToken(key, tokenOf(signMediaPath(key, folder, now + 60)), "../etc", now)).toEqual({ ok: false, reason: "malformed" });
    expect(() => signMediaPath(key, "Bad/Folder", now)).toThrow();
  });

  it("name only the files a video folder holds", () => {
    for (const ok of ["master.m3u8", "poster.jpg", "720/index.m3u8", "1080/seg_00012.ts", "captions/zh-CN.vtt"]) expect(isMediaFile(ok)).toBe(true);
    for (const bad of ["../secrets.json", "720/../../x", "720/seg_1.ts", "source.mp4", "master.m3u8.tmp", "720/index.m3u8/x", ""]) expect(isMediaFile(bad)).toBe(false);
  });
});

describe("byte ranges", () => {
  it("parse what clients send and refuse the rest", () => {
    expect(parseRange(null)).toBeNull();
    expect(parseRange("bytes=0-99")).toEqual({ start: 0, end: 99 });
    expect(parseRange("bytes=100-")).toEqual({ start: 100 });
    expect(parseRange("bytes=-500")).toEqual({ suffix: 500 });
    for (const bad of ["bytes=5-1", "bytes=-", "bytes=0-1,5-9", "items=0-1", "bytes=a-b"]) expect(parseRange(bad)).toBe("invalid");
  });

  it("clip to the file and find nothing past its end (416)", () => {
    expect(resolveRange({ start: 0, end: 99 }, 1000)).toEqual({ start: 0, end: 99 });
    expect(resolveRange({ start: 900, end: 5000 }, 1000)).toEqual({ start: 900, end: 999 });
    expect(resolveRange({ suffix: 100 }, 1000)).toEqual({ start: 900, end: 999 });
    expect(resolveRange({ suffix: 5000 }, 1000)).toEqual({ start: 0, end: 999 });
    expect(resolveRange({ start: 1000 }, 1000)).toBeNull();
    expect(resolveRange({ start: 123_456 }, 1000)).toBeNull();
    expect(resolveRange({ suffix: 0 }, 1000)).toBeNull();
    expect(resolveRange(null, 1000)).toEqual({ start: 0, end: 999 });
  });
});

describe("renditions", () => {
  it("never go above the source and keep its own size between the steps", () => {
    expect(renditionsFor(2160)).toEqual([360, 720, 1080]);
    expect(renditionsFor(1080)).toEqual([360, 720, 1080]);
    expect(renditionsFor(720)).toEqual([360, 720]);
    expect(renditionsFor(480)).toEqual([360, 480]);
    expect(renditionsFor(241)).toEqual([240]);
  });
});

describe.runIf(ffmpegInstalled())("ffprobe and ffmpeg on bad files", () => {
  let dir: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "xuefu-media-"));
    await makeTestClip(path.join(dir, "clip.mp4"), { seconds: 6, width: 640, height: 360 });
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("reads a real clip's length, size and sound", async () => {
    const info = await probe(path.join(dir, "clip.mp4"));
    expect(info).toMatchObject({ width: 640, height: 360, hasAudio: true });
    expect(info.durationSeconds).toBeCloseTo(6, 0);
  });

  it("says a text file is not a video, without naming our paths", async () => {
    fs.writeFileSync(path.join(dir, "notes.mp4"), "these are not moving pictures\n".repeat(100));
    const error = await probe(path.join(dir, "notes.mp4")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MediaFileError);
    expect((error as Error).message).toMatch(/could not be read as a video/);
    expect((error as Error).message).not.toContain(dir);
  });

  it("says a file cut in half is incomplete, whether its header survived or not", async () => {
    const whole = fs.readFileSync(path.join(dir, "clip.mp4"));
    fs.writeFileSync(path.join(dir, "half.mp4"), whole.subarray(0, Math.floor(whole.length / 2)));
    const failure = await (async () => {
      const info = await probe(path.join(dir, "half.mp4"));
      await transcodeHls({ input: path.join(dir, "half.mp4"), outDir: path.join(dir, "out"), source: info, renditions: [360] });
    })().catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(MediaFileError);
    expect((failure as Error).message).toMatch(/incomplete|could not be read/);
  });
});
