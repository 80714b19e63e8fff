// What every video provider does for lib/media (a third module so the providers and their chooser need not
// import each other).
import type { VideoAsset, VideoProviderName } from "../assets";

export interface ProviderPlayback {
  /** The master playlist (or the one stream) the player opens. */
  src: string;
  poster: string;
  /** Unix seconds after which the addresses stop working. */
  expiresAt: number;
}

export interface VideoProvider {
  readonly name: VideoProviderName;
  /**
   * A finished upload (an "uploaded" asset) on its way to playable renditions: the local provider transcodes it
   * here and now; Aliyun VOD takes the file and reports back later through its callback.
   */
  process(asset: VideoAsset, job?: { updateProgress(progress: number): Promise<void> }): Promise<{ assetId: number; status: string }>;
  /** Short-lived addresses of a ready asset, for one viewer the lesson's access rule admits. */
  playback(asset: VideoAsset): Promise<ProviderPlayback | null>;
  /** Removes the provider's copy of a replaced or deleted video. */
  remove(asset: VideoAsset): Promise<void>;
}
