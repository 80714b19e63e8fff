// The ceiling for `npm run bench:realtime`: a bare `ws` server with no authentication, no Redis and no
// protocol, that sends every text frame it receives from a client to all of its clients (echo/broadcast).
// Prints "ready <port>" on stdout once it listens.
import { WebSocketServer, type WebSocket } from "ws";

const wss = new WebSocketServer({ host: "127.0.0.1", port: Number(process.env.BENCH_PORT ?? 0), perMessageDeflate: false, clientTracking: false, maxPayload: 4096 });
const clients = new Set<WebSocket>();
wss.on("connection", (ws) => {
  clients.add(ws);
  ws.on("close", () => clients.delete(ws));
  ws.on("error", () => undefined);
  ws.on("message", (data, isBinary) => {
    if (isBinary) return;
    const text = String(data);
    for (const c of clients) if (c.readyState === c.OPEN) c.send(text);
  });
});
wss.on("listening", () => {
  const address = wss.address();
  process.stdout.write(`ready ${typeof address === "object" && address ? address.port : 0}\n`);
});
process.on("SIGTERM", () => process.exit(0));
