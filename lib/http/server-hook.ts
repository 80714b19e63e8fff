// A hook in the Node.js HTTP server that runs `next start` and `next dev`: it sees each request before
// Next.js does, with the socket in hand, and
//   1. writes the socket's peer address into the internal header `x-xuefu-peer` (`<process token> <address>`),
//      replacing whatever the client sent, so the app can tell a trusted proxy's X-Forwarded-For from a
//      client's (./client-ip.ts explains why Next.js cannot tell the app this);
//   2. answers what Next.js would fail on or should never read (./request-screen.ts): broken percent-encoding,
//      methods a resource does not take (TRACE makes Next.js throw), a Content-Length above the route's
//      limit;
//   3. passes on at most the route's body limit plus one byte of a body without Content-Length (chunked) and
//      drops the rest. Next.js reads and buffers a whole request body (up to 10 MB) before middleware runs,
//      so a limit checked only in the route handler would come too late; the handler sees one byte too many
//      and answers 413 (readBody in ./api.ts).
//
// Why here and not in middleware: middleware gets a copy of the headers (no socket, so no peer address), runs
// after Next.js has built a Request object (which throws for TRACE) and after the body has been buffered.
// Why this way: instrumentation.ts's register() runs in the server process after the HTTP server exists and
// before Next.js handles the first request (start-server.js queues requests until its handlers are ready,
// and the handlers' prepare() runs register()); the server object itself is not handed to it, so the hook
// wraps `emit` on the HTTP server prototype, which Node.js calls with each "request". A request accepted in
// the moment before register() ran does not carry the token and so reads as coming from "unknown".
import http from "node:http";
import https from "node:https";
import type { Socket } from "node:net";
import { PEER_HEADER, peerToken } from "./peer";
import { screenRequest } from "./request-screen";

const INSTALLED = Symbol.for("xuefu.server-hook");

type Emit = (this: unknown, event: string | symbol, ...args: unknown[]) => boolean;

/** Installs the hook once per process; later calls (a second register() in development) do nothing. */
export function installServerHook(): void {
  const token = peerToken(true)!;
  for (const proto of [http.Server.prototype, https.Server.prototype] as unknown as Array<{ emit: Emit; [INSTALLED]?: true }>) {
    if (Object.hasOwn(proto, INSTALLED)) continue;
    const emit = proto.emit;
    proto.emit = function hookedEmit(event, ...args) {
      if ((event === "request" || event === "checkContinue") && onRequest(args[0] as http.IncomingMessage, args[1] as http.ServerResponse, token)) return true;
      return emit.call(this, event, ...args);
    };
    proto[INSTALLED] = true;
  }
}

/** True when the request has been answered here. */
function onRequest(req: http.IncomingMessage, res: http.ServerResponse, token: string): boolean {
  req.headers[PEER_HEADER] = `${token} ${req.socket?.remoteAddress ?? ""}`;
  const contentLength = req.headers["content-length"];
  const hasBody = (contentLength !== undefined && contentLength !== "0") || req.headers["transfer-encoding"] !== undefined;
  const screened = screenRequest({ method: req.method ?? "GET", target: req.url ?? "/", contentLength });
  if (screened.kind === "answer") {
    if (hasBody) {
      // The body is not wanted: the connection closes after the answer, once the client has stopped sending.
      res.shouldKeepAlive = false;
      const linger = lingerBeforeClosing(req);
      req.on("data", (chunk: Buffer) => linger.drained(chunk.length));
      req.on("end", () => linger.complete());
      req.resume();
    }
    res.writeHead(screened.status, screened.headers);
    res.end(screened.body);
    return true;
  }
  if (hasBody) capBody(req, res, screened.bodyLimit);
  return false;
}

/** How long, and how much more, a client that keeps sending a refused body is read (and dropped) before the connection is cut. */
const LINGER_MS = 5_000;
const LINGER_BYTES = 4 * 1024 * 1024;

/**
 * A lingering close, as nginx does it: Node.js closes a connection right after the answer, and closing a
 * socket with unread data resets the connection, so a client still uploading a refused body may never read
 * the 413. Instead the answer is sent and our side shut for writing, the rest of the body is read and
 * dropped, and the socket is closed when the body ends, after LINGER_MS, or past LINGER_BYTES.
 */
function lingerBeforeClosing(req: http.IncomingMessage): { drained: (bytes: number) => void; complete: () => void } {
  const socket = req.socket as (Socket & { destroySoon?: () => void }) | null;
  let done = false;
  let drained = 0;
  let onComplete: (() => void) | undefined;
  if (socket && typeof socket.destroySoon === "function") {
    const destroySoon = socket.destroySoon.bind(socket);
    socket.destroySoon = () => {
      if (done) return destroySoon();
      socket.end();
      const timer = setTimeout(() => socket.destroy(), LINGER_MS);
      timer.unref();
      onComplete = () => {
        clearTimeout(timer);
        destroySoon();
      };
    };
  }
  return {
    drained(bytes) {
      drained += bytes;
      if (drained > LINGER_BYTES) socket?.destroy();
    },
    complete() {
      done = true;
      onComplete?.();
    },
  };
}

/**
 * Lets through at most `limit` + 1 bytes of the body (the extra byte tells the handler it was too large) and
 * drops the rest as it arrives, so nothing past the limit is ever buffered. The body still ends when the
 * client's does: ending it early would leave the rest of the upload unread, and Next.js replaces the
 * request's stream once it has read one to its end, so bytes arriving later would break the connection
 * under the 413. A client that goes on for LINGER_BYTES past the limit has its connection cut.
 * Node.js feeds a request's body with `push`, so that is where the bytes are counted.
 */
function capBody(req: http.IncomingMessage, res: http.ServerResponse, limit: number): void {
  const push = req.push.bind(req);
  let received = 0;
  req.push = (chunk: unknown, encoding?: BufferEncoding): boolean => {
    if (chunk === null || chunk === undefined) return push(null);
    const bytes = chunk as Buffer;
    const before = received;
    received += bytes.length;
    if (received <= limit) return push(bytes, encoding);
    if (before <= limit) {
      res.shouldKeepAlive = false;
      push(bytes.subarray(0, limit + 1 - before));
    }
    if (received > limit + LINGER_BYTES) req.socket?.destroy();
    // True keeps the socket flowing: the dropped part is read off the wire, not left waiting.
    return true;
  };
}
