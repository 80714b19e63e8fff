// The /courses query string: every parameter, its bad values, and the links built back from the state.
import { describe, expect, it } from "vitest";
import { CATALOGUE_PER_PAGE, MAX_PAGE, catalogueHref, hasFilters, parseCatalogueParams, toListParams, yuanToFen } from "./page-params";

const parse = (query: string) => parseCatalogueParams(Object.fromEntries(new URLSearchParams(query)));

describe("parseCatalogueParams", () => {
  it("reads an empty query as the first page of the newest courses", () => {
    const state = parse("");
    expect(state).toEqual({ sort: "newest", page: 1, q: undefined, category: undefined, level: undefined, language: undefined, price: undefined, min: undefined, max: undefined });
    expect(toListParams(state)).toEqual({ page: 1, perPage: CATALOGUE_PER_PAGE, sort: "newest" });
    expect(hasFilters(state)).toBe(false);
  });

  it("trims the search words, caps their length and sorts a search by relevance unless asked otherwise", () => {
    expect(parse("q=%20%20机器学习%20").q).toBe("机器学习");
    expect(parse("q=%20%20").q).toBeUndefined();
    expect(parse(`q=${"a".repeat(300)}`).q).toHaveLength(100);
    expect(parse("q=react").sort).toBe("relevance");
    expect(parse("q=react&sort=popular").sort).toBe("popular");
    expect(toListParams(parse("q=react"))).toMatchObject({ q: "react", sort: "relevance" });
  });

  it("never sorts by relevance without search words", () => {
    expect(parse("sort=relevance").sort).toBe("newest");
  });

  it("keeps a well-formed category slug (lower-cased) and drops anything else", () => {
    expect(parse("category=frontend").category).toBe("frontend");
    expect(parse("category=Machine-Learning").category).toBe("machine-learning");
    expect(parse("category=%3Cscript%3E").category).toBeUndefined();
    expect(parse("category=-leading-dash").category).toBeUndefined();
    expect(parse(`category=${"a".repeat(65)}`).category).toBeUndefined();
    expect(toListParams(parse("category=frontend")).category).toBe("frontend");
  });

  it("accepts only the known levels, languages and free/paid values", () => {
    expect(parse("level=advanced").level).toBe("advanced");
    expect(parse("level=expert").level).toBeUndefined();
    expect(parse("language=en").language).toBe("en");
    expect(parse("language=fr").language).toBeUndefined();
    expect(toListParams(parse("price=free")).free).toBe(true);
    expect(toListParams(parse("price=paid")).free).toBe(false);
    expect(toListParams(parse("price=cheap")).free).toBeUndefined();
  });

  it("turns a price range in yuan into exact fen, swapping a reversed range", () => {
    expect(toListParams(parse("min=99&max=199"))).toMatchObject({ priceMinFen: 9900, priceMaxFen: 19900 });
    expect(toListParams(parse("min=19.9&max=0.07"))).toMatchObject({ priceMinFen: 7, priceMaxFen: 1990 });
    expect(parse("min=300&max=100")).toMatchObject({ min: "100", max: "300" });
    expect(parse("min=019.90").min).toBe("19.9");
    expect(yuanToFen("19.9")).toBe(1990);
    expect(yuanToFen("0.01")).toBe(1);
  });

  it("drops malformed prices, and any price range on free courses", () => {
    for (const bad of ["-5", "abc", "1e3", "1.234", "99999999", "", " "]) {
      expect(parse(`min=${encodeURIComponent(bad)}`).min, bad).toBeUndefined();
    }
    expect(parse("price=free&min=10&max=20")).toMatchObject({ price: "free", min: undefined, max: undefined });
    expect(toListParams(parse("price=paid&min=10"))).toMatchObject({ free: false, priceMinFen: 1000 });
  });

  it("maps the price sorts to a price order, and ignores unknown sorts", () => {
    expect(toListParams(parse("sort=price_asc"))).toMatchObject({ sort: "price", order: "asc" });
    expect(toListParams(parse("sort=price_desc"))).toMatchObject({ sort: "price", order: "desc" });
    expect(toListParams(parse("sort=rating"))).toMatchObject({ sort: "rating" });
    expect(toListParams(parse("sort=popular")).order).toBeUndefined();
    expect(parse("sort=cheapest").sort).toBe("newest");
  });

  it("reads a malformed page as page 1 and caps huge ones", () => {
    for (const bad of ["abc", "0", "-3", "2.5", "1e3", "", "0x10", "99999"]) expect(parse(`page=${bad}`).page, bad).toBe(1);
    expect(parse("page=7").page).toBe(7);
    expect(parse("page=0007").page).toBe(7);
    expect(parse("page=5000").page).toBe(MAX_PAGE);
  });

  it("takes the first of repeated parameters", () => {
    expect(parseCatalogueParams({ level: ["beginner", "advanced"], page: ["3", "9"] })).toMatchObject({ level: "beginner", page: 3 });
  });
});

describe("catalogueHref", () => {
  it("leaves defaults out, so each list has one address", () => {
    expect(catalogueHref(parse(""))).toBe("/courses");
    expect(catalogueHref(parse("q=react&sort=relevance"))).toBe("/courses?q=react");
    expect(catalogueHref(parse("sort=newest&page=1"))).toBe("/courses");
  });

  it("round-trips every parameter", () => {
    const query = "q=vue&category=frontend&level=beginner&language=zh-CN&price=paid&min=10&max=200&sort=price_desc&page=3";
    const href = catalogueHref(parse(query), { page: 3 });
    expect(parse(href.split("?")[1]!)).toEqual(parse(query));
  });

  it("goes back to page 1 when anything but the page changes", () => {
    const state = parse("level=beginner&page=4");
    expect(catalogueHref(state, { sort: "popular" })).toBe("/courses?level=beginner&sort=popular");
    expect(catalogueHref(state, { page: 5 })).toBe("/courses?level=beginner&page=5");
  });
});
