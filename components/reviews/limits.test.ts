import { describe, expect, it } from "vitest";
import { HONEYPOT_FIELD } from "@/lib/moderation/gate";
import { REVIEW_MAX_CHARS } from "@/lib/reviews/schemas";
import { HONEYPOT_FIELD_NAME, REVIEW_TEXT_MAX } from "./limits";

describe("the forms' limits", () => {
  it("match the server's", () => {
    expect(REVIEW_TEXT_MAX).toBe(REVIEW_MAX_CHARS);
    expect(HONEYPOT_FIELD_NAME).toBe(HONEYPOT_FIELD);
  });
});
