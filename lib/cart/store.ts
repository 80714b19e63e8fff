// The learner's cart, kept in the browser (localStorage, key `xuefu-cart`) until checkout. Each item keeps
// what the cart page last heard from the server about it (title, link, price for this learner), only to show
// the cart offline and to say what changed since: the server prices every course again when an order is placed.
import { useSyncExternalStore } from "react";
// zod/mini: the same validation as zod, tree-shaken to a few kB; this store loads on every page.
import * as z from "zod/mini";
import { create } from "zustand";
import { createJSONStorage, persist } from "zustand/middleware";

export const CART_STORAGE_KEY = "xuefu-cart";
/**
 * 1: ids only. 2: adds the last-seen title, slug and price (absent until the cart page has asked the server),
 * and later the teacher and cover category (optional fields, so older version 2 items stay valid).
 */
export const CART_VERSION = 2;

const cartItemSchema = z.object({
  courseId: z.number().check(z.int(), z.positive()),
  addedAt: z.iso.datetime(),
  title: z.optional(z.string().check(z.maxLength(191))),
  slug: z.optional(z.string().check(z.maxLength(128))),
  /** The price last quoted to this browser, in fen. Display only. */
  seenPriceFen: z.optional(z.number().check(z.int(), z.nonnegative())),
  /** The teacher and the category that colours the generated cover, so an offline cart line looks the same. */
  teacherName: z.optional(z.string().check(z.maxLength(64))),
  categoryRootId: z.optional(z.number().check(z.int(), z.positive())),
});

export interface SeenCourse {
  courseId: number;
  title?: string;
  slug?: string;
  seenPriceFen?: number;
  teacherName?: string;
  categoryRootId?: number;
}

export type CartItem = z.infer<typeof cartItemSchema>;

export interface CartState {
  items: CartItem[];
  add: (courseId: number, seen?: Omit<SeenCourse, "courseId">) => void;
  remove: (courseId: number) => void;
  /** Removes several at once (the courses of a placed order). */
  removeMany: (courseIds: number[]) => void;
  /** Records what the server said about the items now in the cart. */
  remember: (seen: SeenCourse[]) => void;
  clear: () => void;
}

/**
 * What is stored in localStorage may have been edited by hand or written by another version: keep the valid,
 * distinct items and drop the rest rather than failing.
 */
export function readPersistedCart(value: unknown): { items: CartItem[] } {
  const raw = typeof value === "object" && value !== null && Array.isArray((value as { items?: unknown }).items) ? (value as { items: unknown[] }).items : [];
  const seen = new Set<number>();
  const items: CartItem[] = [];
  for (const candidate of raw) {
    const parsed = cartItemSchema.safeParse(candidate);
    if (parsed.success && !seen.has(parsed.data.courseId)) {
      seen.add(parsed.data.courseId);
      items.push(parsed.data);
    }
  }
  return { items };
}

export const useCartStore = create<CartState>()(
  persist(
    (set) => ({
      items: [],
      add: (courseId, seen) =>
        set((state) =>
          state.items.some((item) => item.courseId === courseId) ? state : { items: [...state.items, { courseId, addedAt: new Date().toISOString(), ...seen }] },
        ),
      remove: (courseId) => set((state) => ({ items: state.items.filter((item) => item.courseId !== courseId) })),
      removeMany: (courseIds) => set((state) => ({ items: state.items.filter((item) => !courseIds.includes(item.courseId)) })),
      remember: (seen) =>
        set((state) => {
          const by = new Map(seen.map((s) => [s.courseId, s]));
          return { items: state.items.map((item) => (by.has(item.courseId) ? { ...item, ...by.get(item.courseId) } : item)) };
        }),
      clear: () => set({ items: [] }),
    }),
    {
      name: CART_STORAGE_KEY,
      version: CART_VERSION,
      storage: createJSONStorage(() => localStorage),
      partialize: (state) => ({ items: state.items }),
      // Version 1 items (ids and times) are valid version 2 items without the last-seen details; anything
      // unrecognised is read defensively.
      migrate: (persisted) => readPersistedCart(persisted),
      merge: (persisted, current) => ({ ...current, ...readPersistedCart(persisted) }),
    },
  ),
);

// Another tab changed the cart: read it again so every tab shows the same count.
if (typeof window !== "undefined") {
  window.addEventListener("storage", (event) => {
    if (event.key === CART_STORAGE_KEY) void useCartStore.persist.rehydrate();
  });
}

const noSubscription = () => () => undefined;

/** False during server rendering and hydration, true afterwards: browser-only state may be shown from then on. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

/**
 * The number of items in the cart, or 0 until the page has hydrated, so the server HTML and the first client
 * render agree whatever localStorage holds.
 */
export function useCartCount(): number {
  const hydrated = useHydrated();
  const count = useCartStore((state) => state.items.length);
  return hydrated ? count : 0;
}
