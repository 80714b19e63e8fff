// A worker process for the fan-out crash test (lib/paths/fanout.test.ts): runs the real fan-out handler on the
// `fanout` queue with a short job lock, pausing FANOUT_CHILD_DELAY_MS before each batch so the test can kill
// it (SIGKILL, no goodbye) in the middle of a fan-out.
process.env.XUEFU_SERVICE ??= "worker";

export {};

async function main(): Promise<void> {
  const { Worker } = await import("bullmq");
  const { handlerFor } = await import("@/lib/jobs/handlers");
  const { QUEUES, bullPrefix } = await import("@/lib/jobs/queues");
  const { createTcpRedis } = await import("@/lib/redis/tcp");
  const delay = Number(process.env.FANOUT_CHILD_DELAY_MS ?? 0);
  const worker = new Worker(
    QUEUES.fanout,
    async (job) => {
      await new Promise((resolve) => setTimeout(resolve, delay));
      return handlerFor(QUEUES.fanout, job.name)!(job);
    },
    { connection: createTcpRedis(), prefix: bullPrefix(), lockDuration: 2_000, stalledInterval: 2_000 },
  );
  await worker.waitUntilReady();
  process.stdout.write("ready\n");
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
