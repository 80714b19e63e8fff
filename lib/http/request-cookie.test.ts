// Reading one cookie from a plain Request's Cookie header.
import { describe, expect, it } from "vitest";
import { requestCookie } from "./api";

const withCookie = (cookie: string) => new Request("http://localhost/", { headers: { cookie } });

describe("requestCookie", () => {
  it("finds a cookie by its exact name among others, decoding its value", () => {
    const request = withCookie("NEXT_LOCALE=en; authjs.session-token=a%2Eb.c ;x=1");
    expect(requestCookie(request, "authjs.session-token")).toBe("a.b.c");
    expect(requestCookie(request, "NEXT_LOCALE")).toBe("en");
  });

  it("does not take a cookie whose name only contains or starts with the one asked for", () => {
    const request = withCookie("__Secure-authjs.session-token=s1; authjs.session-token.0=s2");
    expect(requestCookie(request, "authjs.session-token")).toBeUndefined();
    expect(requestCookie(request, "__Secure-authjs.session-token")).toBe("s1");
  });

  it("answers undefined without a Cookie header, and keeps a value that is not valid percent-encoding", () => {
    expect(requestCookie(new Request("http://localhost/"), "x")).toBeUndefined();
    expect(requestCookie(withCookie("x=100%"), "x")).toBe("100%");
  });
});
