// Development secrets, generated on first run and kept under .data/ (never committed).
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Profile } from "./profile";

export interface LocalSecrets {
  mysqlPassword: string;
  gatewayToken: string;
  authSecret: string;
}

const fresh = (): LocalSecrets => ({
  mysqlPassword: randomBytes(18).toString("base64url"),
  gatewayToken: randomBytes(32).toString("base64url"),
  authSecret: randomBytes(48).toString("base64url"),
});

export function localSecrets(p: Profile): LocalSecrets {
  if (fs.existsSync(p.secretsFile)) {
    const stored = JSON.parse(fs.readFileSync(p.secretsFile, "utf8")) as Partial<LocalSecrets>;
    // A secret added in a later version is generated and stored without touching the existing ones.
    const merged = { ...fresh(), ...stored };
    if (Object.keys(stored).length !== Object.keys(merged).length) write(p.secretsFile, merged);
    return merged;
  }
  const secrets = fresh();
  write(p.secretsFile, secrets);
  return secrets;
}

function write(file: string, secrets: LocalSecrets): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(secrets, null, 2) + "\n", { mode: 0o600 });
}
