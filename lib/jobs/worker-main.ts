// Entry point of the worker process (`npm run worker`; started by `npm run dev`).
process.env.XUEFU_SERVICE ??= "worker";

export {};

async function main(): Promise<void> {
  const { env } = await import("@/lib/config/env");
  env();
  const { logger } = await import("@/lib/log");
  const { startWorker } = await import("./worker");
  const { closeQueues } = await import("./queues");
  const worker = await startWorker();
  // Flash-sale admissions: read from their Redis stream and written to MySQL (lib/seckill/consumer.ts).
  const { createSeckillConsumer } = await import("@/lib/seckill/consumer");
  const seckill = createSeckillConsumer();
  seckill.start();
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "worker shutting down");
    await seckill.stop();
    await worker.close();
    await closeQueues();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
