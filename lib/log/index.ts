// Structured JSON logs (pino). Each request's lines carry its request id; see lib/log/request.ts.
import pino from "pino";

export const logger = pino({
  level: process.env.LOG_LEVEL ?? "info",
  base: { service: process.env.XUEFU_SERVICE ?? "web" },
  timestamp: pino.stdTimeFunctions.isoTime,
  redact: { paths: ["password", "*.password", "token", "*.token", "authorization", "*.authorization"], censor: "[redacted]" },
});

export type Logger = typeof logger;
