// Where a video's files are: the finished upload on local disk (the tus store's folder) and the renditions in
// private storage under video/<folder>/.
import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import { privateStorage, type PrivateStorage } from "@/lib/storage";
import { mediaConfig } from "./config";

export const mediaStorage = (): PrivateStorage => privateStorage(mediaConfig().assetsDir);

/** tus ids are ours (random hex), checked anyway before they name a path. */
const TUS_ID = /^[a-f0-9]{32}$/;

export function sourcePath(sourceKey: string): string {
  if (!TUS_ID.test(sourceKey)) throw new Error(`Invalid upload id: ${sourceKey}`);
  return path.join(mediaConfig().uploadsDir, sourceKey);
}

/** Removes a finished or abandoned upload and the tus store's note about it. */
export async function removeSource(sourceKey: string): Promise<void> {
  const file = sourcePath(sourceKey);
  await fs.rm(file, { force: true });
  await fs.rm(`${file}.json`, { force: true });
}

export const assetKey = (dir: string, file: string) => `video/${dir}/${file}`;

export async function removeAssetFiles(dir: string): Promise<void> {
  await mediaStorage().deleteFolder(`video/${dir}`);
}
