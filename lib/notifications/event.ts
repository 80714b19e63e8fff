// The event pushed to a learner's channel whenever their notifications change (a new one, one read). Its own
// module so the header's bell reads it without the kinds' validation schemas in every page's script.
export const NOTIFICATIONS_EVENT = "notifications";

export interface NotificationsEventData {
  unread: number;
}
