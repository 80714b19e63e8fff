// Entry point of the real-time gateway process (`npm run gateway`; started by `npm run dev` beside the worker).
// Run as many as needed behind the load balancer's `/ws` route: they share nothing but Redis.
process.env.XUEFU_SERVICE ??= "gateway";

export {};

async function main(): Promise<void> {
  const { env } = await import("@/lib/config/env");
  const settings = env();
  const { logger } = await import("@/lib/log");
  const { createTcpRedis } = await import("@/lib/redis/tcp");
  const { startGateway } = await import("./gateway");
  const { redisPresence } = await import("./presence");
  const { mayJoinRoom } = await import("@/lib/live/room");
  const presenceRedis = createTcpRedis({ connectionName: "xuefu-gateway-presence" });
  const gateway = await startGateway({
    host: settings.REALTIME_HOST,
    port: settings.REALTIME_PORT,
    allowedOrigins: [new URL(settings.APP_URL).origin],
    redis: () => createTcpRedis({ connectionName: "xuefu-gateway" }),
    // A live room (`room:<lessonId>`) admits the course's enrolled learners and live-room moderators.
    mayJoin: mayJoinRoom,
    presence: redisPresence(presenceRedis),
  });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, sockets: gateway.connections() }, "gateway shutting down");
    await gateway.close();
    await presenceRedis.quit().catch(() => undefined);
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
