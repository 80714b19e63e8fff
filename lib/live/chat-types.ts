// The shapes of the room's chat lines and announcements, as stored, sent over the gateway and shown.
export interface ChatLine {
  id: number;
  userId: number;
  name: string;
  /** Plain text (already through the word filter); shown as text, never as HTML. */
  body: string;
  at: string;
}

export interface Announcement {
  id: number;
  body: string;
  at: string;
}
