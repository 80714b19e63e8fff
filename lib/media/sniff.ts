// Recognises video containers by their first bytes, whatever a file's name or declared type says: MP4 and
// QuickTime (an `ftyp` box), Matroska and WebM (EBML header), AVI (RIFF....AVI ), MPEG transport streams
// (0x47 sync bytes every 188) and FLV. ffprobe has the last word when the worker opens the file; this check
// turns away a PDF or a photo at the end of the upload, before anything is queued.
// Pure: no server imports, so tests and scripts can use it.

export type VideoContainer = "mp4" | "mov" | "matroska" | "avi" | "mpegts" | "flv";

const ascii = (bytes: Uint8Array, start: number, length: number) => String.fromCharCode(...bytes.subarray(start, start + length));

/** The bytes needed to decide: the first 1 kB is plenty (a transport stream is checked over 3 packets). */
export const SNIFF_BYTES = 1024;

export function sniffVideo(bytes: Uint8Array): VideoContainer | null {
  if (bytes.length >= 12 && ascii(bytes, 4, 4) === "ftyp") {
    const brand = ascii(bytes, 8, 4);
    if (brand === "qt  ") return "mov";
    // Image brands that share the ISO box format are not video.
    if (["heic", "heix", "mif1", "msf1", "avif", "avis"].includes(brand)) return null;
    return "mp4";
  }
  if (bytes.length >= 4 && bytes[0] === 0x1a && bytes[1] === 0x45 && bytes[2] === 0xdf && bytes[3] === 0xa3) return "matroska";
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 4) === "AVI ") return "avi";
  if (bytes.length >= 3 && ascii(bytes, 0, 3) === "FLV") return "flv";
  if (bytes.length >= 188 * 2 + 1 && bytes[0] === 0x47 && bytes[188] === 0x47 && bytes[376] === 0x47) return "mpegts";
  return null;
}
