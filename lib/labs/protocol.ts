// The lab terminal's wire protocol between the browser (components/labs/lab-terminal.tsx) and the gateway
// (lib/labs/manager.ts), on `<gateway>/lab?ticket=<one-time ticket>`.
// Binary frames carry the terminal's bytes both ways (keystrokes in, output out). Text frames are JSON control:
//   client → server  {"t":"resize","cols":120,"rows":32}   {"t":"check"}
//   server → client  {"t":"ready","resumed":false}          the shell is up (resumed: the same session as before)
//                    {"t":"check","ok":true,"output":"..."}  the lesson's check command ran
//                    {"t":"ended","reason":"idle"}           the lab is over; the socket closes after it

export const LAB_PATH = "/lab";

export const LAB_END_REASONS = ["closed", "idle", "time_limit", "ended_by_admin", "flood", "host_error", "gateway_stopped"] as const;
export type LabEndReason = (typeof LAB_END_REASONS)[number];

/** Close codes of the lab socket (4000-4999 are the application's). */
export const LAB_CLOSE = {
  /** The lab ended (the reason came in an "ended" frame). Do not reconnect. */
  ended: 4000,
  /** The learner opened the lab in another tab: this socket gives way. */
  replaced: 4002,
  /** Every lab account is in use. */
  busy: 4003,
  /** Malformed frame. */
  policy: 1008,
  /** The gateway is stopping or lost its lab host: reconnecting may find the session again. */
  restart: 1012,
} as const;

export type LabServerFrame =
  | { t: "ready"; resumed: boolean }
  | { t: "check"; ok: boolean; output: string }
  | { t: "ended"; reason: LabEndReason };

export type LabClientFrame = { t: "resize"; cols: number; rows: number } | { t: "check" };

export function parseLabClientFrame(text: string): LabClientFrame | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null) return null;
  const frame = value as Record<string, unknown>;
  if (frame.t === "check") return { t: "check" };
  if (frame.t === "resize") {
    const { cols, rows } = frame;
    if (typeof cols !== "number" || typeof rows !== "number" || !Number.isInteger(cols) || !Number.isInteger(rows)) return null;
    if (cols < 10 || cols > 500 || rows < 3 || rows > 200) return null;
    return { t: "resize", cols, rows };
  }
  return null;
}
