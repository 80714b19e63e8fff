// The site header's account menu: its links (My courses, My orders, Account settings, Admin) and the sign-out
// button sit in a disclosure that opens from the avatar, so a test opens it before clicking one of them.
import { expect, type Locator, type Page } from "@playwright/test";

/** Opens the account menu (once signed in) if it is closed, and returns it. */
export async function openAccountMenu(page: Page): Promise<Locator> {
  const menu = page.getByTestId("account-menu");
  if ((await menu.getAttribute("open")) === null) await page.getByTestId("account-menu-button").click();
  await expect(menu.getByTestId("account-link")).toBeVisible();
  return menu;
}

/** Signs out through the account menu. */
export async function signOutFromMenu(page: Page): Promise<void> {
  const menu = await openAccountMenu(page);
  await menu.getByTestId("sign-out").click();
}
