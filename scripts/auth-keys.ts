// npm run auth:rotate-keys — adds a new RS256 signing key to the development secrets (.data/secrets.json)
// and keeps the previous one, so sessions signed before the rotation stay valid until they expire.
// In production do the same with AUTH_JWT_KEYS: put the new private JWK first, keep the previous one second,
// deploy, and drop the old key once the longest session (30 days) has passed.
import { profile } from "./local/profile";
import { localSecrets, newJwtKey, writeSecrets } from "./local/secrets";

const p = profile(process.argv.includes("--test") ? "test" : "dev");
const secrets = localSecrets(p);
const fresh = newJwtKey();
const kept = secrets.jwtKeys.slice(0, 1);
writeSecrets(p, { ...secrets, jwtKeys: [fresh, ...kept] });
console.log(`New signing key ${fresh.kid}; still verifying ${kept.map((k) => (k as { kid?: string }).kid).join(", ") || "nothing else"}.`);
console.log("Restart `npm run dev` to use it.");
