// Uploads on local disk (the default): files under one root directory, served by app/uploads/[...key].
import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import { assertValidKey, type Storage } from "./types";

export const LOCAL_URL_PREFIX = "/uploads/";

/** The file a key names under `root`, or null when the key could leave it (`..`, absolute, odd characters). */
export function resolveLocalKey(root: string, key: string): string | null {
  try {
    assertValidKey(key);
  } catch {
    return null;
  }
  const base = path.resolve(root);
  const file = path.resolve(base, key);
  return file.startsWith(base + path.sep) ? file : null;
}

export function localStorage(root: string): Storage {
  return {
    async put(key, bytes, _contentType) {
      const file = resolveLocalKey(root, key);
      if (!file) throw new Error(`Invalid storage key: ${JSON.stringify(key)}`);
      await fs.mkdir(path.dirname(file), { recursive: true });
      // Written under a temporary name and renamed, so a reader never sees half a file; "wx" never overwrites.
      const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
      await fs.writeFile(tmp, bytes, { flag: "wx" });
      await fs.rename(tmp, file);
      return { url: `${LOCAL_URL_PREFIX}${key}` };
    },
    async delete(key) {
      const file = resolveLocalKey(root, key);
      if (!file) throw new Error(`Invalid storage key: ${JSON.stringify(key)}`);
      await fs.rm(file, { force: true });
    },
  };
}
