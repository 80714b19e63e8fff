// The moderation domain's front door for other domains: screen learner text (reviews, lesson Q&A, the live
// chat) against the built-in and the admins' word lists, and ask whether an author is muted.
import "server-only";
export { screenText, type ScreenResult } from "./screen";
export { mutedUntil } from "./gate";
export type { WordMatch } from "./sensitive-words";
