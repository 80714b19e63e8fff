// The worker's media:transcode job: an uploaded asset goes to the provider it was uploaded for (local ffmpeg,
// or Aliyun VOD), which takes it to ready or to "failed: <reason>" (never left spinning).
import "server-only";
import type { Job } from "bullmq";
import { findAsset } from "./assets";
import { providerOf } from "./providers";

export async function runTranscodeJob(assetId: number, job?: Pick<Job, "updateProgress">): Promise<{ assetId: number; status: string }> {
  const asset = await findAsset(assetId);
  if (!asset || asset.status === "ready") return { assetId, status: asset ? "ready" : "gone" };
  return providerOf(asset).process(asset, job);
}
