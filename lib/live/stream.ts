// The address the player loads for a live lesson's stream or recording: the provider's URL as it is, or for
// `media:<folder>` (a video stored here, e.g. the seed's demo clip) a signed address of that folder.
import "server-only";
import { signedPlayback } from "@/lib/media/playback";
import { isMediaFolder } from "@/lib/media/signing";

export function playableUrl(address: string | null): string | null {
  if (!address) return null;
  if (address.startsWith("media:")) {
    const folder = address.slice("media:".length);
    return isMediaFolder(folder) ? signedPlayback(folder).src : null;
  }
  return address;
}
