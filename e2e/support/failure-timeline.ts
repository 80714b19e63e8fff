// A Playwright reporter that prints, for each failed test, the timeline of its steps (start offset and
// duration of every browser action and assertion) and what the servers logged at warning level or above
// meanwhile (E2E_SERVER_LOGS: the log files `npm test` gives the web server and the worker). CI only keeps the
// console output, so this is what tells a step that hung from a test that was slow all along.
import fs from "node:fs";
import path from "node:path";
import type { Reporter, TestCase, TestResult, TestStep } from "@playwright/test/reporter";

const MAX_LINES = 80;
const MAX_LOG_LINES = 30;

/** Warnings and errors (pino levels ≥ 40) the servers logged between `from` and `to`, shortened. */
function serverLogs(from: number, to: number): string[] {
  const out: string[] = [];
  for (const file of (process.env.E2E_SERVER_LOGS ?? "").split(path.delimiter).filter(Boolean)) {
    let text = "";
    try {
      text = fs.readFileSync(file, "utf8");
    } catch {
      continue;
    }
    for (const line of text.split("\n")) {
      if (!line.startsWith("{")) continue;
      try {
        const entry = JSON.parse(line) as { level?: number; time?: string; msg?: string; err?: { message?: string } };
        const at = Date.parse(entry.time ?? "");
        if ((entry.level ?? 0) < 40 || !(at >= from && at <= to)) continue;
        const what = [entry.msg, entry.err?.message].filter(Boolean).join(": ").replace(/\s+/g, " ").slice(0, 240);
        out.push(`${((at - from) / 1000).toFixed(1).padStart(6)}s ${path.basename(file)} ${what}`);
      } catch {
        // not a log entry
      }
    }
  }
  return out.slice(-MAX_LOG_LINES);
}

function flatten(steps: TestStep[], start: number, depth: number, out: string[]): void {
  for (const step of steps) {
    if (step.category === "hook" || step.category === "fixture") continue;
    const at = ((step.startTime.getTime() - start) / 1000).toFixed(1).padStart(6);
    const took = (step.duration / 1000).toFixed(1).padStart(5);
    out.push(`${at}s +${took}s ${"  ".repeat(depth)}${step.title}${step.error ? "  ✘" : ""}`);
    flatten(step.steps, start, depth + 1, out);
  }
}

export default class FailureTimeline implements Reporter {
  printsToStdio(): boolean {
    return true;
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status === "passed" || result.status === "skipped") return;
    const lines: string[] = [];
    flatten(result.steps, result.startTime.getTime(), 0, lines);
    const shown = lines.length > MAX_LINES ? [...lines.slice(0, 10), `  … ${lines.length - MAX_LINES} steps …`, ...lines.slice(-(MAX_LINES - 10))] : lines;
    const start = result.startTime.getTime();
    const logs = serverLogs(start, start + result.duration);
    console.log(`\n[timeline] ${test.titlePath().slice(1).join(" › ")} (${result.status}, ${(result.duration / 1000).toFixed(1)} s)\n${shown.join("\n")}`);
    console.log(logs.length ? `[server logs, warnings and errors meanwhile]\n${logs.join("\n")}\n` : "[server logs: no warnings or errors meanwhile]\n");
  }
}
