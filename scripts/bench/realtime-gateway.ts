// One real-time gateway instance for `npm run bench:realtime`: the product's gateway (lib/realtime/gateway.ts)
// with its usual settings, except that the bench's room (BENCH_ROOM) may be joined by anyone signed in: live
// rooms' own admission rule is not what is measured. Prints "ready <port>" on stdout once it listens.
process.env.XUEFU_SERVICE ??= "gateway";

export {};

async function main(): Promise<void> {
  const { env } = await import("@/lib/config/env");
  env();
  const { createTcpRedis } = await import("@/lib/redis/tcp");
  const { startGateway } = await import("@/lib/realtime/gateway");
  const room = process.env.BENCH_ROOM ?? "room:1";
  const gateway = await startGateway({
    host: "127.0.0.1",
    port: Number(process.env.BENCH_PORT ?? 0),
    allowedOrigins: [process.env.APP_URL ?? "http://localhost:3000"],
    redis: () => createTcpRedis({ connectionName: "xuefu-bench-gateway" }),
    mayJoin: async (_userId, channel) => channel === room,
  });
  process.stdout.write(`ready ${gateway.port}\n`);
  process.on("SIGTERM", () => void gateway.close().then(() => process.exit(0)));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
