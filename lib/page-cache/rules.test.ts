import { describe, expect, it } from "vitest";
import { cacheablePage } from "./rules";

const none = new Headers();
const page = (path: string, search = "", headers = none, locale?: string, method = "GET") => cacheablePage(method, path, search, headers, locale);

describe("cacheablePage", () => {
  it("keys the catalogue's canonical addresses by locale and address", () => {
    expect(page("/courses")).toEqual({ url: "/courses", locale: "zh-CN", name: "zh-CN|/courses", search: false });
    expect(page("/courses", "?category=frontend&sort=price_asc&page=2", none, "en")).toEqual({
      url: "/courses?category=frontend&sort=price_asc&page=2",
      locale: "en",
      name: "en|/courses?category=frontend&sort=price_asc&page=2",
      search: false,
    });
    expect(page("/courses", "?q=python")?.search).toBe(true);
    expect(page("/courses/machine-learning-primer")?.name).toBe("zh-CN|/courses/machine-learning-primer");
  });

  it("treats an unknown locale cookie as the default language", () => {
    expect(page("/courses", "", none, "fr")?.locale).toBe("zh-CN");
  });

  it("leaves non-canonical list addresses to the renderer", () => {
    expect(page("/courses", "?q=&level=beginner")).toBeNull(); // a no-JS form's empty fields
    expect(page("/courses", "?sort=price_asc&category=frontend")).toBeNull(); // another order
    expect(page("/courses", "?level=beginner&level=advanced")).toBeNull();
    expect(page("/courses", "?utm_source=x")).toBeNull();
    expect(page("/courses", "?page=1")).toBeNull();
  });

  it("never answers the client router, server actions, other methods or other pages", () => {
    for (const name of ["rsc", "next-router-prefetch", "next-router-state-tree", "next-action"]) {
      expect(page("/courses", "", new Headers({ [name]: "1" }))).toBeNull();
    }
    expect(page("/courses", "?_rsc=1a2b3")).toBeNull();
    expect(page("/courses", "", new Headers({ "sec-fetch-dest": "empty" }))).toBeNull();
    expect(page("/courses", "", new Headers({ "sec-fetch-dest": "document" }))).not.toBeNull();
    expect(page("/courses", "", none, undefined, "HEAD")).toBeNull();
    expect(page("/courses", "", none, undefined, "POST")).toBeNull();
    expect(page("/courses/x", "?ref=home")).toBeNull();
    expect(page("/courses/x/lessons/1")).toBeNull();
    expect(page("/account")).toBeNull();
    expect(page("/")).toBeNull();
  });
});
