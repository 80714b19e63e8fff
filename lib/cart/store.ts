// The learner's cart, kept in the browser (localStorage, key `xuefu-cart`) until checkout. Prices are never
// stored here: the server prices every course again when an order is placed.
import { useSyncExternalStore } from "react";
// zod/mini: the same validation as zod, tree-shaken to a few kB; this store loads on every page.
import * as z from "zod/mini";
import { create } from "zustand";
import { createJSONStorage, persist } from "zustand/middleware";

export const CART_STORAGE_KEY = "xuefu-cart";
export const CART_VERSION = 1;

const cartItemSchema = z.object({
  courseId: z.number().check(z.int(), z.positive()),
  addedAt: z.iso.datetime(),
});

export type CartItem = z.infer<typeof cartItemSchema>;

export interface CartState {
  items: CartItem[];
  add: (courseId: number) => void;
  remove: (courseId: number) => void;
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
      add: (courseId) =>
        set((state) =>
          state.items.some((item) => item.courseId === courseId) ? state : { items: [...state.items, { courseId, addedAt: new Date().toISOString() }] },
        ),
      remove: (courseId) => set((state) => ({ items: state.items.filter((item) => item.courseId !== courseId) })),
      clear: () => set({ items: [] }),
    }),
    {
      name: CART_STORAGE_KEY,
      version: CART_VERSION,
      storage: createJSONStorage(() => localStorage),
      partialize: (state) => ({ items: state.items }),
      // No earlier versions exist yet; anything unrecognised is read defensively.
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
