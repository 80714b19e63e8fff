// Aliyun VOD's event callbacks (FileUploadComplete, TranscodeComplete, SnapshotComplete, ...), signed with
// X-VOD-TIMESTAMP / X-VOD-SIGNATURE. See lib/media/providers/aliyun.ts.
import { aliyunVod } from "@/lib/media/providers";

export const POST = (request: Request) => aliyunVod().handleCallback(request);
