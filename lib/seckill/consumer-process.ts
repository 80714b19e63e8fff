// One flash-sale consumer as a process of its own, for the crash test in seckill.test.ts: the test starts it,
// kills it with SIGKILL in the middle of a sale, and starts another. CONSUMER_PAUSE_MS makes it wait after
// each commit and before the acknowledgement, so the kill can land between the two.
process.env.XUEFU_SERVICE ??= "worker";

export {};

async function main(): Promise<void> {
  const { createSeckillConsumer } = await import("./consumer");
  const pauseMs = Number(process.env.CONSUMER_PAUSE_MS ?? 0);
  const consumer = createSeckillConsumer({
    name: process.env.CONSUMER_NAME,
    claimIdleMs: Number(process.env.CONSUMER_CLAIM_IDLE_MS ?? 30_000),
    blockMs: 100,
    batch: 1,
    afterWrite: pauseMs > 0 ? () => new Promise((resolve) => setTimeout(resolve, pauseMs)) : undefined,
  });
  consumer.start();
  process.on("SIGTERM", () => void consumer.stop().then(() => process.exit(0)));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
