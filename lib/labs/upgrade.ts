// The lab socket's door in the gateway (`/lab?ticket=...`). The gateway has already checked the page's origin
// and the learner's session (lib/realtime/upgrade-auth.ts); here the one-time ticket is taken (GETDEL: a second
// use finds nothing), must be this learner's, and the learner must still be allowed into the lesson's lab.
// Refusals are plain HTTP statuses before any WebSocket exists.
import "server-only";
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import type { Redis as IORedis } from "ioredis";
import { WebSocketServer, type WebSocket } from "ws";
import { logger } from "@/lib/log";
import { refuse } from "@/lib/realtime/upgrade-auth";
import type { LabManager } from "./manager";
import { LAB_PATH } from "./protocol";
import { labAccess } from "./store";
import { TICKET, parseTicketClaims, ticketKey } from "./tickets";

const log = logger.child({ component: "labs" });

export function labUpgrades(manager: LabManager, tcp: IORedis) {
  // Keystrokes and pastes only: 64 KB is a generous paste.
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024, perMessageDeflate: false, clientTracking: false });

  async function upgrade(request: IncomingMessage, socket: Duplex, head: Buffer, userId: number): Promise<void> {
    const ticket = new URL(request.url ?? "/", "http://gateway").searchParams.get("ticket") ?? "";
    if (!TICKET.test(ticket)) return refuse(socket, 401, "no lab ticket");
    const claims = parseTicketClaims(await tcp.getdel(ticketKey(ticket)));
    if (!claims) return refuse(socket, 401, "lab ticket used or expired");
    if (claims.userId !== userId) return refuse(socket, 403, "lab ticket of another account");
    const access = await labAccess(userId, claims.lessonId);
    if (!access.ok) return refuse(socket, access.reason === "not_enrolled" ? 403 : 404, access.reason === "not_enrolled" ? "not enrolled" : "no such lab");
    if (socket.destroyed) return;
    const ip = request.socket.remoteAddress ?? "unknown";
    wss.handleUpgrade(request, socket, head, (ws: WebSocket) => {
      ws.on("error", () => undefined);
      manager
        .attach(ws, userId, access.definition, ip)
        .then((result) => {
          if (!result.ok) ws.close(result.code, result.reason);
        })
        .catch(() => ws.close(1011, "lab could not start"));
    });
  }

  return {
    path: LAB_PATH,
    upgrade(request: IncomingMessage, socket: Duplex, head: Buffer, userId: number) {
      upgrade(request, socket, head, userId).catch((error: unknown) => {
        log.error({ err: error }, "opening a lab socket failed");
        refuse(socket, 503, "try again");
      });
    },
    close: () => manager.close(),
  };
}
