"use client";
// The lab's terminal: xterm.js (fit and web-links add-ons) on the gateway's lab socket (lib/labs/protocol.ts).
// Each (re)connection first asks the app for a one-time ticket; a dropped connection comes back to the same
// shell within the idle window. "Session ended" is said plainly, with the reason and a way to start again.
import "@xterm/xterm/css/xterm.css";
import { useEffect, useRef, useState } from "react";
import type { Terminal } from "@xterm/xterm";
import { requestLabTicket } from "@/lib/labs/actions";
import { LAB_CLOSE, type LabEndReason, type LabServerFrame } from "@/lib/labs/protocol";
import styles from "./lab.module.css";

export interface LabTerminalLabels {
  terminal: string;
  connecting: string;
  connected: string;
  reconnecting: string;
  check: string;
  checking: string;
  checkPassed: string;
  checkFailed: string;
  ended: string;
  endReasons: Record<LabEndReason, string>;
  busy: string;
  replaced: string;
  notEnrolled: string;
  unavailable: string;
  restart: string;
  keyboardHelp: string;
}

type Status = "connecting" | "connected" | "reconnecting" | "ended" | "busy" | "replaced" | "refused";

/** The lab socket's address from the gateway's public URL ("/ws" on the site's origin, or ws(s)://host/ws). */
function labSocketUrl(realtimeUrl: string, ticket: string): string {
  const base = new URL(realtimeUrl, window.location.href);
  if (base.protocol === "http:") base.protocol = "ws:";
  if (base.protocol === "https:") base.protocol = "wss:";
  base.pathname = base.pathname.replace(/\/ws$/, "") + "/lab";
  base.search = `?ticket=${encodeURIComponent(ticket)}`;
  return base.toString();
}

export function LabTerminal({ lessonId, realtimeUrl, labels }: { lessonId: number; realtimeUrl: string; labels: LabTerminalLabels }) {
  const host = useRef<HTMLDivElement>(null);
  const term = useRef<Terminal | null>(null);
  const socket = useRef<WebSocket | null>(null);
  const attempts = useRef(0);
  const [status, setStatus] = useState<Status>("connecting");
  const [endReason, setEndReason] = useState<LabEndReason | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [check, setCheck] = useState<{ state: "idle" | "running" | "passed" | "failed"; output: string }>({ state: "idle", output: "" });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let disposed = false;
    let cleanup = () => undefined as void;
    async function connect(t: Terminal): Promise<void> {
      const ticket = await requestLabTicket(lessonId);
      if (disposed) return;
      if (!ticket.ok) {
        setStatus("refused");
        setRefusal(ticket.error === "not_enrolled" ? labels.notEnrolled : labels.unavailable);
        return;
      }
      const ws = new WebSocket(labSocketUrl(realtimeUrl, ticket.ticket));
      ws.binaryType = "arraybuffer";
      socket.current = ws;
      let ended = false;
      ws.onmessage = (event: MessageEvent<ArrayBuffer | string>) => {
        if (typeof event.data !== "string") return void t.write(new Uint8Array(event.data));
        const frame = JSON.parse(event.data) as LabServerFrame;
        if (frame.t === "ready") {
          attempts.current = 0;
          setStatus("connected");
          // A resumed session sends its recent output again: start from a clean screen.
          if (frame.resumed) t.reset();
          ws.send(JSON.stringify({ t: "resize", cols: t.cols, rows: t.rows }));
          t.focus();
        } else if (frame.t === "check") {
          setCheck({ state: frame.ok ? "passed" : "failed", output: frame.output });
        } else if (frame.t === "ended") {
          ended = true;
          setEndReason(frame.reason);
          setStatus("ended");
        }
      };
      ws.onclose = (event) => {
        if (socket.current === ws) socket.current = null;
        if (ended || event.code === LAB_CLOSE.ended) return void setStatus("ended");
        if (event.code === LAB_CLOSE.replaced) return void setStatus("replaced");
        if (event.code === LAB_CLOSE.busy) return void setStatus("busy");
        // Dropped: come back to the same session, a little later each time.
        if (attempts.current >= 6) return void setStatus("ended");
        attempts.current += 1;
        setStatus("reconnecting");
        setTimeout(() => {
          if (!disposed) void connect(t);
        }, Math.min(500 * 2 ** attempts.current, 8_000));
      };
    }

    void (async () => {
      const [{ Terminal }, { FitAddon }, { WebLinksAddon }] = await Promise.all([import("@xterm/xterm"), import("@xterm/addon-fit"), import("@xterm/addon-web-links")]);
      if (disposed || !host.current) return;
      const t = new Terminal({ cursorBlink: true, fontSize: 14, scrollback: 2000, fontFamily: "ui-monospace, Menlo, Consolas, monospace", theme: { background: "#111827" } });
      const fit = new FitAddon();
      t.loadAddon(fit);
      t.loadAddon(new WebLinksAddon());
      t.open(host.current);
      fit.fit();
      term.current = t;
      const encoder = new TextEncoder();
      const input = t.onData((data) => {
        const ws = socket.current;
        if (ws?.readyState === WebSocket.OPEN) ws.send(encoder.encode(data));
      });
      const resized = t.onResize(({ cols, rows }) => {
        const ws = socket.current;
        if (ws?.readyState === WebSocket.OPEN) ws.send(JSON.stringify({ t: "resize", cols, rows }));
      });
      const observer = new ResizeObserver(() => fit.fit());
      observer.observe(host.current);
      cleanup = () => {
        observer.disconnect();
        input.dispose();
        resized.dispose();
        t.dispose();
      };
      void connect(t);
    })();
    return () => {
      disposed = true;
      const ws = socket.current;
      socket.current = null;
      if (ws) {
        ws.onclose = null;
        ws.close();
      }
      cleanup();
      term.current = null;
    };
  }, [lessonId, realtimeUrl, labels.notEnrolled, labels.unavailable, generation]);

  const runCheck = () => {
    const ws = socket.current;
    if (ws?.readyState !== WebSocket.OPEN) return;
    setCheck({ state: "running", output: "" });
    ws.send(JSON.stringify({ t: "check" }));
  };

  const restart = () => {
    setStatus("connecting");
    setEndReason(null);
    setCheck({ state: "idle", output: "" });
    attempts.current = 0;
    setGeneration((g) => g + 1);
  };

  const statusText =
    status === "connecting"
      ? labels.connecting
      : status === "connected"
        ? labels.connected
        : status === "reconnecting"
          ? labels.reconnecting
          : status === "busy"
            ? labels.busy
            : status === "replaced"
              ? labels.replaced
              : status === "refused"
                ? (refusal ?? labels.unavailable)
                : `${labels.ended}${endReason ? ` ${labels.endReasons[endReason]}` : ""}`;

  return (
    <section className={styles.terminalPanel} aria-label={labels.terminal} data-testid="lab-terminal-panel">
      <div className={styles.toolbar}>
        <p className={styles.status} role="status" aria-live="polite" data-testid="lab-status" data-status={status}>
          {statusText}
        </p>
        <div className={styles.actions}>
          {status === "connected" ? (
            <button type="button" className={styles.button} onClick={runCheck} disabled={check.state === "running"} data-testid="lab-check">
              {check.state === "running" ? labels.checking : labels.check}
            </button>
          ) : null}
          {status === "ended" || status === "busy" || status === "replaced" ? (
            <button type="button" className={styles.button} onClick={restart} data-testid="lab-restart">
              {labels.restart}
            </button>
          ) : null}
        </div>
      </div>
      {check.state === "passed" || check.state === "failed" ? (
        <div className={check.state === "passed" ? styles.passed : styles.failed} role="alert" data-testid="lab-check-result" data-result={check.state}>
          <p>{check.state === "passed" ? labels.checkPassed : labels.checkFailed}</p>
          {check.output ? <pre className={styles.checkOutput}>{check.output}</pre> : null}
        </div>
      ) : null}
      <p className={styles.help} id={`lab-help-${lessonId}`}>
        {labels.keyboardHelp}
      </p>
      <div ref={host} className={styles.terminal} data-testid="lab-terminal" aria-describedby={`lab-help-${lessonId}`} />
    </section>
  );
}
