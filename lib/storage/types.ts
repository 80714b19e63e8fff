// The storage adapters' interface: where uploaded files go and the URL they are read back from.
export interface StoredObject {
  /** Where browsers fetch the object: `/uploads/<key>` locally, `<S3_PUBLIC_URL>/<key>` on S3. */
  url: string;
}

export interface Storage {
  put(key: string, bytes: Uint8Array, contentType: string): Promise<StoredObject>;
  /** Removes the object; removing one that is not there is not an error. */
  delete(key: string): Promise<void>;
}

/**
 * Keys are ours (generated, never from a client), but checked anyway so no adapter can be steered outside
 * its root: segments of letters, digits, '-', '_' and '.', no empty, '.' or '..' segment.
 */
export function assertValidKey(key: string): void {
  const ok = key.length > 0 && key.length <= 200 && key.split("/").every((seg) => /^[A-Za-z0-9_][A-Za-z0-9._-]*$/.test(seg) && seg !== "." && seg !== "..");
  if (!ok) throw new Error(`Invalid storage key: ${JSON.stringify(key)}`);
}
