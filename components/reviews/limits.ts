// Numbers the review and Q&A forms show in the browser, kept equal to the server's (lib/reviews/schemas.ts,
// lib/moderation/gate.ts) by components/reviews/limits.test.ts.
export const REVIEW_TEXT_MAX = 2_000;
export const HONEYPOT_FIELD_NAME = "website";
