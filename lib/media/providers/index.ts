// The video provider chosen by configuration (VIDEO_PROVIDER=local|aliyun) for new uploads, and the provider
// that holds a given asset (each asset keeps the one it was made with, so switching leaves old videos playing).
import "server-only";
import type { VideoAsset, VideoProviderName } from "../assets";
import { mediaConfig } from "../config";
import { aliyunConfigFromEnv, aliyunProvider } from "./aliyun";
import { localProvider } from "./local";
import type { VideoProvider } from "./types";

export type { ProviderPlayback, VideoProvider } from "./types";

let aliyun: ReturnType<typeof aliyunProvider> | undefined;

export function aliyunVod(): ReturnType<typeof aliyunProvider> {
  aliyun ??= aliyunProvider(aliyunConfigFromEnv());
  return aliyun;
}

export function providerNamed(name: string): VideoProvider {
  if (name === "local") return localProvider;
  if (name === "aliyun") return aliyunVod();
  throw new Error(`Unknown video provider: ${name}`);
}

/** The provider new uploads go to. */
export const configuredProviderName = (): VideoProviderName => mediaConfig().provider;

export const providerOf = (asset: Pick<VideoAsset, "provider">): VideoProvider => providerNamed(asset.provider);
