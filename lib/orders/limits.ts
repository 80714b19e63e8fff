/** The most courses one order may hold (the cart enforces the same). */
export const MAX_CART_ITEMS = 50;
