// The logic behind the search box's suggestions, loaded by search-field.tsx on the box's first focus so pages
// that never use it do not pay for it: asking GET /api/v1/search/suggestions as one types (debounced, the
// previous request aborted, stale answers dropped), checking the answer's shape, and moving through the list.
// No React and no DOM beyond fetch and timers, so it is tested on its own.

export interface Suggestion {
  kind: "course" | "tag";
  text: string;
  /** The course's slug: course suggestions go straight to the course. */
  slug?: string;
  parts: Array<{ text: string; hit: boolean }>;
}

/** How long typing must pause before asking. */
export const SUGGEST_DELAY_MS = 180;
/** The API refuses longer queries, and so does the form. */
export const MAX_QUERY_LENGTH = 100;

const isPart = (v: unknown): v is { text: string; hit: boolean } =>
  typeof v === "object" && v !== null && typeof (v as { text?: unknown }).text === "string" && typeof (v as { hit?: unknown }).hit === "boolean";

/** The suggestions of an API answer; anything malformed is left out rather than trusted. */
export function parseSuggestions(body: unknown): Suggestion[] {
  const data = typeof body === "object" && body !== null ? (body as { data?: unknown }).data : undefined;
  if (!Array.isArray(data)) return [];
  const out: Suggestion[] = [];
  for (const item of data as unknown[]) {
    if (typeof item !== "object" || item === null) continue;
    const { kind, text, slug, parts } = item as Record<string, unknown>;
    if ((kind !== "course" && kind !== "tag") || typeof text !== "string" || !text) continue;
    if (kind === "course" && (typeof slug !== "string" || !/^[a-z0-9][a-z0-9-]*$/.test(slug))) continue;
    out.push({
      kind,
      text,
      ...(kind === "course" ? { slug: slug as string } : {}),
      parts: Array.isArray(parts) && parts.every(isPart) ? (parts as Suggestion["parts"]) : [{ text, hit: false }],
    });
  }
  return out;
}

/** Where choosing a suggestion goes: a course to its page, a topic to the results of searching for it. */
export function suggestionHref(suggestion: Suggestion): string {
  return suggestion.kind === "course" && suggestion.slug ? `/courses/${suggestion.slug}` : `/courses?q=${encodeURIComponent(suggestion.text)}`;
}

/** The active option after an arrow key: down from none is the first, up from none the last; both wrap. */
export function moveActive(active: number, count: number, key: "ArrowDown" | "ArrowUp"): number {
  if (count <= 0) return -1;
  if (key === "ArrowDown") return active < 0 || active >= count - 1 ? 0 : active + 1;
  return active <= 0 ? count - 1 : active - 1;
}

export interface SuggestionSource {
  /** Asks for the suggestions of what is now in the box; an empty box answers [] at once. */
  update(query: string): void;
  /** Forgets the pending request (the box lost focus, a suggestion was chosen). */
  cancel(): void;
}

export interface SuggestionSourceOptions {
  /** Called with the suggestions of the latest query only, never with an older one's. */
  onResult: (query: string, suggestions: Suggestion[]) => void;
  delayMs?: number;
  fetch?: typeof globalThis.fetch;
  endpoint?: string;
}

export function createSuggestionSource({ onResult, delayMs = SUGGEST_DELAY_MS, fetch = globalThis.fetch.bind(globalThis), endpoint = "/api/v1/search/suggestions" }: SuggestionSourceOptions): SuggestionSource {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: AbortController | null = null;
  /** Bumped by every update and cancel; an answer whose number is no longer current is stale. */
  let generation = 0;

  const stop = () => {
    clearTimeout(timer);
    inFlight?.abort();
    inFlight = null;
  };

  return {
    update(raw) {
      stop();
      const mine = ++generation;
      const query = raw.trim().slice(0, MAX_QUERY_LENGTH);
      if (!query) {
        onResult("", []);
        return;
      }
      timer = setTimeout(() => {
        const controller = new AbortController();
        inFlight = controller;
        fetch(`${endpoint}?q=${encodeURIComponent(query)}`, { signal: controller.signal, headers: { accept: "application/json" } })
          .then(async (res) => (res.ok ? parseSuggestions(await res.json()) : []))
          .catch((): Suggestion[] | null => (controller.signal.aborted ? null : []))
          .then((suggestions) => {
            if (inFlight === controller) inFlight = null;
            // A failure shows no suggestions; the form still searches. Aborted and stale answers show nothing.
            if (suggestions !== null && mine === generation) onResult(query, suggestions);
          });
      }, delayMs);
    },
    cancel() {
      stop();
      generation++;
    },
  };
}
