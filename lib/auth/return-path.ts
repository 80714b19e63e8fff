// Where to send someone after signing in or linking: only same-site paths. `//evil.example`, `/\evil` and
// absolute URLs would turn sign-in into an open redirect.
export function sameSitePath(raw: unknown, fallback = "/"): string {
  return typeof raw === "string" && /^\/(?![/\\])[^\s]*$/.test(raw) ? raw : fallback;
}
