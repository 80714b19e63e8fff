// A lab's resource limits, their defaults and the bounds an admin may set them within (shared by the lab
// host, the gateway and the course editor's form).
export interface LabLimits {
  /** Hard maximum of a session, minutes. */
  minutes: number;
  memoryMb: number;
  processes: number;
  cpuSeconds: number;
  diskMb: number;
}

export const DEFAULT_LIMITS: LabLimits = { minutes: 120, memoryMb: 256, processes: 64, cpuSeconds: 600, diskMb: 64 };

/** The bounds an admin may set limits within. */
export const LIMIT_BOUNDS = {
  minutes: [1, 120],
  memoryMb: [32, 2048],
  processes: [16, 512],
  cpuSeconds: [10, 7200],
  diskMb: [8, 1024],
} as const satisfies Record<keyof LabLimits, readonly [number, number]>;

