// The local provider: the worker's ffmpeg writes HLS renditions to private storage (lib/media/transcode.ts)
// and learners get /media/<expires>-<signature>/... addresses (lib/media/signing.ts). A wrapper over what
// lib/media already does, so the provider interface has nothing of its own to get wrong.
import "server-only";
import { removeAssetFiles } from "../files";
import { signedFolder } from "../signed-folder";
import { runLocalTranscode } from "../transcode";
import type { VideoProvider } from "./types";

export const localProvider: VideoProvider = {
  name: "local",
  process: (asset, job) => runLocalTranscode(asset, job),
  playback: async (asset) => (asset.dir ? signedFolder(asset.dir) : null),
  remove: async (asset) => {
    if (asset.dir) await removeAssetFiles(asset.dir);
  },
};
