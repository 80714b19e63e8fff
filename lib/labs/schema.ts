// The lab form's input, shared by the course editor's lab form and its server action.
import { z } from "zod";
import { LIMIT_BOUNDS } from "./limits";

const limit = (name: keyof typeof LIMIT_BOUNDS) => z.coerce.number().int().min(LIMIT_BOUNDS[name][0]).max(LIMIT_BOUNDS[name][1]);

export const labInput = z.object({
  lessonId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  title: z.string().trim().min(1).max(191),
  instructions: z.string().max(200_000),
  setupScript: z.string().max(20_000),
  checkCommand: z.string().trim().min(1).max(5_000),
  minutes: limit("minutes"),
  memoryMb: limit("memoryMb"),
  processes: limit("processes"),
  cpuSeconds: limit("cpuSeconds"),
  diskMb: limit("diskMb"),
});

export type LabInput = z.infer<typeof labInput>;

export type LabFormState = { ok: true } | { ok: false; error: "invalid_input" | "not_found" | "unavailable"; fields?: Record<string, string[]> } | null;
