// Adding media jobs: each transcode attempt is its own job (the retry button adds a new one), never retried
// by BullMQ — a file that failed once fails again; the sweep catches a worker that died mid-way.
import "server-only";
import { QUEUES, queue } from "@/lib/jobs/queues";

export async function enqueueTranscode(assetId: number): Promise<void> {
  await queue(QUEUES.media).add("transcode", { assetId }, { jobId: `transcode-${assetId}-${Date.now()}`, attempts: 1, removeOnComplete: 200, removeOnFail: 500 });
}
