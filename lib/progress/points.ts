// How many learning points each achievement is worth. Awards are rows of points_ledger (one per user, reason
// and lesson/course, enforced by its unique key); the leaderboards are built from that table.
export const LESSON_POINTS = 10;
export const COURSE_POINTS = 50;
