// Aliyun ApsaraVideo VOD as the video provider. The author's upload still arrives here resumably (tus); the
// worker's job then registers it with VOD (CreateUploadVideo, our asset id passed through UserData.Extend and
// the callback address in UserData.MessageCallback) and PUTs the file to the OSS address with the STS
// credentials that came with it. VOD transcodes with the template group and posts signed events to
// /api/media/aliyun-vod/notify: TranscodeComplete makes the asset ready through the same owner functions
// (lib/media/assets.ts) as a local transcode. Playback asks GetPlayInfo for HLS addresses that VOD's CDN
// has signed (type A auth_key), for a viewer the lesson's access rule admits, valid VIDEO_URL_TTL_SECONDS.
import "server-only";
import { env } from "@/lib/config/env";
import { logger } from "@/lib/log";
import { findAssetByExternalId, finishAsset, markFailed, markSentToProvider, setProgress, type VideoAsset } from "../assets";
import { sourcePath } from "../files";
import { aliyunVodClient, AliyunVodError, type AliyunVodClient } from "./aliyun-client";
import { checkVodCallback, type PlayInfoResponse, type VodEvent } from "./aliyun-protocol";
import type { ProviderPlayback, VideoProvider } from "./types";

const log = logger.child({ component: "aliyun-vod" });

export const VOD_CALLBACK_PATH = "/api/media/aliyun-vod/notify";
const MAX_CALLBACK_BYTES = 64 * 1024;

export interface AliyunVodConfig {
  endpoint: string;
  accessKeyId: string;
  accessKeySecret: string;
  callbackKey: string;
  /** Our public callback address, exactly as VOD signs it. */
  callbackUrl: string;
  templateGroupId?: string;
  urlTtlSeconds: number;
}

export function aliyunConfigFromEnv(): AliyunVodConfig {
  const e = env();
  if (!e.ALIYUN_VOD_ACCESS_KEY_ID || !e.ALIYUN_VOD_ACCESS_KEY_SECRET || !e.ALIYUN_VOD_CALLBACK_KEY) throw new Error("Aliyun VOD is not configured (ALIYUN_VOD_ACCESS_KEY_ID, ALIYUN_VOD_ACCESS_KEY_SECRET, ALIYUN_VOD_CALLBACK_KEY)");
  return {
    endpoint: e.ALIYUN_VOD_ENDPOINT,
    accessKeyId: e.ALIYUN_VOD_ACCESS_KEY_ID,
    accessKeySecret: e.ALIYUN_VOD_ACCESS_KEY_SECRET,
    callbackKey: e.ALIYUN_VOD_CALLBACK_KEY,
    callbackUrl: `${e.APP_URL.replace(/\/+$/, "")}${VOD_CALLBACK_PATH}`,
    templateGroupId: e.ALIYUN_VOD_TEMPLATE_GROUP_ID,
    urlTtlSeconds: e.VIDEO_URL_TTL_SECONDS,
  };
}

/** VOD names heights by definition; the template decides the real ones, reported in StreamInfos. */
const heightOf = (value: unknown) => (Number.isFinite(Number(value)) ? Math.round(Number(value)) : 0);

/** The stream learners get: the adaptive master playlist when the template packs one (Definition AUTO), else the tallest. */
export function pickStream(info: PlayInfoResponse): PlayInfoResponse["PlayInfoList"]["PlayInfo"][number] | null {
  const streams = (info.PlayInfoList?.PlayInfo ?? []).filter((p) => p.Format === "m3u8" && (p.Status ?? "Normal") === "Normal");
  return streams.find((p) => p.Definition === "AUTO") ?? streams.sort((a, b) => heightOf(b.Height) - heightOf(a.Height))[0] ?? null;
}

export function aliyunProvider(config: AliyunVodConfig, client: AliyunVodClient = aliyunVodClient(config)): VideoProvider & { handleCallback(request: Request): Promise<Response> } {
  return {
    name: "aliyun",

    async process(asset: VideoAsset) {
      if (!asset.sourceKey) {
        await markFailed(asset.id, "the uploaded file is no longer there; upload the video again");
        return { assetId: asset.id, status: "failed" };
      }
      const fileName = /\.[A-Za-z0-9]{2,4}$/.test(asset.sourceName) ? asset.sourceName : `${asset.sourceName || `lesson-${asset.lessonId}`}.mp4`;
      try {
        const created = await client.createUploadVideo({
          title: asset.sourceName || `Lesson ${asset.lessonId} video`,
          fileName,
          fileSize: asset.sourceBytes,
          templateGroupId: config.templateGroupId,
          userData: { MessageCallback: { CallbackURL: config.callbackUrl }, Extend: { assetId: String(asset.id) } },
        });
        await markSentToProvider(asset.id, created.videoId);
        await client.putFile(created, sourcePath(asset.sourceKey));
        await setProgress(asset.id, 50);
        log.info({ assetId: asset.id, videoId: created.videoId }, "video handed to Aliyun VOD");
        return { assetId: asset.id, status: "transcoding" };
      } catch (error) {
        log.error({ err: error, assetId: asset.id }, "handing a video to Aliyun VOD failed");
        await markFailed(asset.id, error instanceof AliyunVodError ? `Aliyun VOD refused the video (${error.code}); try again` : "the video could not be sent to Aliyun VOD; try again");
        return { assetId: asset.id, status: "failed" };
      }
    },

    async playback(asset: VideoAsset): Promise<ProviderPlayback | null> {
      if (!asset.externalId) return null;
      const info = await client.getPlayInfo(asset.externalId, config.urlTtlSeconds);
      const stream = pickStream(info);
      if (!stream) return null;
      return { src: stream.PlayURL, poster: info.VideoBase?.CoverURL ?? "", expiresAt: Math.floor(Date.now() / 1000) + config.urlTtlSeconds };
    },

    async remove(asset: VideoAsset) {
      if (asset.externalId) await client.deleteVideo([asset.externalId]);
    },

    /**
     * One event from VOD. Refused unless its X-VOD-SIGNATURE matches and its timestamp is within 5 minutes;
     * applied at most once (a replayed TranscodeComplete finds the asset ready and changes nothing). Events
     * for videos we do not know are acknowledged, or VOD would retry them.
     */
    async handleCallback(request: Request): Promise<Response> {
      const check = checkVodCallback(config.callbackUrl, request.headers, config.callbackKey, Math.floor(Date.now() / 1000));
      if (!check.ok) {
        log.warn({ reason: check.reason }, "Aliyun VOD callback refused");
        return new Response(`refused: ${check.reason}\n`, { status: 401, headers: { "content-type": "text/plain" } });
      }
      const text = await request.text();
      if (Buffer.byteLength(text) > MAX_CALLBACK_BYTES) return new Response("too large\n", { status: 413 });
      let event: VodEvent;
      try {
        event = JSON.parse(text) as VodEvent;
        if (typeof event.EventType !== "string" || typeof event.VideoId !== "string") throw new Error("not an event");
      } catch {
        return new Response("not an event\n", { status: 400 });
      }
      const asset = await findAssetByExternalId("aliyun", event.VideoId);
      if (!asset) {
        log.info({ eventType: event.EventType, videoId: event.VideoId }, "Aliyun VOD event for an unknown video");
        return new Response("success\n");
      }
      await applyEvent(asset, event);
      return new Response("success\n");
    },
  };
}

async function applyEvent(asset: VideoAsset, event: VodEvent): Promise<void> {
  if (asset.status === "ready") return;
  switch (event.EventType) {
    case "FileUploadComplete":
      if (event.Status === "success") await setProgress(asset.id, 60);
      return;
    case "TranscodeComplete": {
      if (event.Status !== "success") {
        await markFailed(asset.id, `Aliyun VOD could not transcode the video (${event.ErrorCode ?? "error"}: ${event.ErrorMessage ?? "no reason given"})`);
        return;
      }
      const streams = (event.StreamInfos ?? []).filter((s) => s.Status === "success" && heightOf(s.Height) > 0);
      const heights = [...new Set(streams.map((s) => heightOf(s.Height)))].sort((a, b) => a - b);
      const tallest = streams.reduce((best, s) => (heightOf(s.Height) > heightOf(best?.Height) ? s : best), streams[0]);
      const outcome = await finishAsset(asset.id, {
        dir: null,
        durationSeconds: Number(tallest?.Duration ?? 0) || 0,
        width: heightOf(tallest?.Width),
        height: heightOf(tallest?.Height),
        renditions: heights,
      });
      log.info({ assetId: asset.id, videoId: event.VideoId, outcome, renditions: heights }, "Aliyun VOD transcode complete");
      return;
    }
    default:
      // SnapshotComplete, VideoAnalysisComplete, ...: the cover comes with GetPlayInfo; nothing to store.
      return;
  }
}
