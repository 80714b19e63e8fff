// Child processes that live as long as the command that started them (the web server and the worker).
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { projectRoot } from "./profile";

export interface Child {
  name: string;
  process: ChildProcess;
  exited: Promise<number>;
}

export interface ChildOptions {
  /** Drop the child's standard output. */
  quiet?: boolean;
  /** Send the child's output (both streams) to this file instead of the terminal. */
  logFile?: string;
}

export function startChild(name: string, command: string, args: string[], env: NodeJS.ProcessEnv, opts: ChildOptions = {}): Child {
  const out = opts.logFile ? fs.openSync(opts.logFile, "a") : undefined;
  const stdio = out !== undefined ? (["ignore", out, out] as const) : (["ignore", opts.quiet ? "ignore" : "inherit", "inherit"] as const);
  const child = spawn(command, args, { cwd: projectRoot, env, stdio: [...stdio] });
  if (out !== undefined) fs.closeSync(out);
  const exited = new Promise<number>((resolve) => child.once("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0))));
  return { name, process: child, exited };
}

/** The worker, run by tsx with the react-server condition so `server-only` modules load. */
export function startWorkerProcess(env: NodeJS.ProcessEnv, opts: ChildOptions = {}): Child {
  return startChild(
    "worker",
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", path.join(projectRoot, "lib/jobs/worker-main.ts")],
    { ...env, XUEFU_SERVICE: "worker" },
    opts,
  );
}

/** The real-time gateway (lib/realtime/gateway-main.ts), run the same way as the worker. */
export function startGatewayProcess(env: NodeJS.ProcessEnv, opts: ChildOptions = {}): Child {
  return startChild(
    "gateway",
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", path.join(projectRoot, "lib/realtime/gateway-main.ts")],
    { ...env, XUEFU_SERVICE: "gateway" },
    opts,
  );
}

export const nextBin = path.join(projectRoot, "node_modules", "next", "dist", "bin", "next");

export async function stopChildren(children: Child[], graceMs = 10_000): Promise<void> {
  await Promise.all(
    children.map(async (c) => {
      if (c.process.exitCode !== null || c.process.signalCode !== null) return;
      c.process.kill("SIGTERM");
      const timer = setTimeout(() => c.process.kill("SIGKILL"), graceMs);
      await c.exited;
      clearTimeout(timer);
    }),
  );
}
