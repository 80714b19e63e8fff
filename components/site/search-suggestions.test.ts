import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createSuggestionSource, moveActive, parseSuggestions, suggestionHref, SUGGEST_DELAY_MS, type Suggestion } from "./search-suggestions";

const answer = (data: unknown, status = 200) => new Response(JSON.stringify({ data }), { status, headers: { "content-type": "application/json" } });
const course = (text: string, slug: string) => ({ kind: "course", text, slug, parts: [{ text, hit: false }] });

describe("parseSuggestions", () => {
  it("keeps well-formed topics and courses and drops the rest", () => {
    const parts = [
      { text: "Py", hit: true },
      { text: "thon", hit: false },
    ];
    const parsed = parseSuggestions({
      data: [
        { kind: "tag", text: "Python", parts },
        course("Python 入门", "python-from-zero"),
        { kind: "course", text: "No slug", parts },
        { kind: "course", text: "Bad slug", slug: "../admin", parts },
        { kind: "teacher", text: "Nope", parts },
        { kind: "tag", text: "", parts },
        { kind: "tag", text: "Odd parts", parts: "x" },
        null,
      ],
    });
    expect(parsed).toEqual([
      { kind: "tag", text: "Python", parts },
      course("Python 入门", "python-from-zero"),
      { kind: "tag", text: "Odd parts", parts: [{ text: "Odd parts", hit: false }] },
    ]);
    expect(parseSuggestions({ error: { code: "X" } })).toEqual([]);
    expect(parseSuggestions(null)).toEqual([]);
  });
});

describe("suggestionHref and moveActive", () => {
  it("sends a course to its page and a topic to its search", () => {
    expect(suggestionHref(course("X", "x-1") as Suggestion)).toBe("/courses/x-1");
    expect(suggestionHref({ kind: "tag", text: "机器 学习&", parts: [] })).toBe("/courses?q=%E6%9C%BA%E5%99%A8%20%E5%AD%A6%E4%B9%A0%26");
  });

  it("moves through the list with wrapping, from none to the first or the last", () => {
    expect(moveActive(-1, 3, "ArrowDown")).toBe(0);
    expect(moveActive(2, 3, "ArrowDown")).toBe(0);
    expect(moveActive(-1, 3, "ArrowUp")).toBe(2);
    expect(moveActive(0, 3, "ArrowUp")).toBe(2);
    expect(moveActive(1, 3, "ArrowUp")).toBe(0);
    expect(moveActive(0, 0, "ArrowDown")).toBe(-1);
  });
});

describe("createSuggestionSource", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("waits for a pause in typing and asks once, for the latest text", async () => {
    const fetch = vi.fn(async (_url: string) => answer([course("React", "react")]));
    const onResult = vi.fn();
    const source = createSuggestionSource({ onResult, fetch: fetch as unknown as typeof globalThis.fetch });
    source.update("r");
    source.update("re");
    source.update(" rea ");
    await vi.advanceTimersByTimeAsync(SUGGEST_DELAY_MS - 1);
    expect(fetch).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch.mock.calls[0]![0]).toBe("/api/v1/search/suggestions?q=rea");
    await vi.runAllTimersAsync();
    expect(onResult).toHaveBeenCalledExactlyOnceWith("rea", [course("React", "react")]);
  });

  it("aborts the request in flight when the text changes and never reports its answer", async () => {
    const signals: AbortSignal[] = [];
    let release!: () => void;
    const fetch = vi.fn((url: string, init?: RequestInit) => {
      signals.push(init!.signal!);
      if (url.endsWith("q=a")) {
        // The first answer comes late, after the second query has been sent.
        return new Promise<Response>((resolve) => (release = () => resolve(answer([course("Old", "old")]))));
      }
      return Promise.resolve(answer([course("New", "new")]));
    });
    const onResult = vi.fn();
    const source = createSuggestionSource({ onResult, fetch: fetch as unknown as typeof globalThis.fetch });
    source.update("a");
    await vi.advanceTimersByTimeAsync(SUGGEST_DELAY_MS);
    source.update("ab");
    expect(signals[0]!.aborted).toBe(true);
    await vi.advanceTimersByTimeAsync(SUGGEST_DELAY_MS);
    release();
    await vi.runAllTimersAsync();
    expect(onResult).toHaveBeenCalledExactlyOnceWith("ab", [course("New", "new")]);
  });

  it("answers an empty box with nothing at once, without asking", async () => {
    const fetch = vi.fn();
    const onResult = vi.fn();
    const source = createSuggestionSource({ onResult, fetch });
    source.update("   ");
    expect(onResult).toHaveBeenCalledWith("", []);
    await vi.runAllTimersAsync();
    expect(fetch).not.toHaveBeenCalled();
  });

  it("shows nothing after a failure, and nothing at all once cancelled", async () => {
    const onResult = vi.fn();
    const failing = createSuggestionSource({ onResult, fetch: vi.fn(async () => answer(null, 503)) });
    failing.update("x");
    await vi.runAllTimersAsync();
    expect(onResult).toHaveBeenCalledExactlyOnceWith("x", []);

    onResult.mockClear();
    const fetch = vi.fn(async () => answer([course("X", "x")]));
    const cancelled = createSuggestionSource({ onResult, fetch });
    cancelled.update("x");
    cancelled.cancel();
    await vi.runAllTimersAsync();
    expect(fetch).not.toHaveBeenCalled();
    expect(onResult).not.toHaveBeenCalled();
  });

  it("sends at most 100 characters", async () => {
    const fetch = vi.fn(async (_url: string) => answer([]));
    createSuggestionSource({ onResult: vi.fn(), fetch: fetch as unknown as typeof globalThis.fetch }).update("x".repeat(150));
    await vi.runAllTimersAsync();
    expect(fetch.mock.calls[0]![0]).toBe(`/api/v1/search/suggestions?q=${"x".repeat(100)}`);
  });
});
