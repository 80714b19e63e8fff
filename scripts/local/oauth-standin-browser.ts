// Drives a stand-in sign-in page the way a browser does, for tests without Chromium: open the authorization
// URL, read the form, submit it (授权并登录, or 拒绝), and return where the provider redirects back to.
export interface SignInChoice {
  /** Overrides the pre-filled test identity. */
  userId?: string;
  nickname?: string;
  avatar?: string;
  /** Press 拒绝 instead of 授权并登录. */
  deny?: boolean;
}

export interface SignInOutcome {
  /** The redirect back to the app (redirect_uri with code and state, or the provider's error parameters). */
  callback: URL;
  /** The form fields as submitted, pre-filled values included. */
  submitted: Record<string, string>;
}

const unescape = (text: string) =>
  text.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" })[name] ?? "");

const attributes = (tag: string): Record<string, string> =>
  Object.fromEntries([...tag.matchAll(/([\w-]+)="([^"]*)"/g)].map(([, name, value]) => [name ?? "", unescape(value ?? "")]));

/** The form on a page: where it posts and its named inputs with their values. */
export function readForm(pageHtml: string, base: string): { action: URL; fields: Record<string, string> } {
  const form = /<form\b[^>]*>/.exec(pageHtml)?.[0];
  if (!form) throw new Error(`No form on the page: ${pageHtml.slice(0, 300)}`);
  const action = new URL(attributes(form).action ?? "", base);
  const fields: Record<string, string> = {};
  for (const [tag] of pageHtml.matchAll(/<input\b[^>]*>/g)) {
    const attrs = attributes(tag);
    if (attrs.name) fields[attrs.name] = attrs.value ?? "";
  }
  return { action, fields };
}

/** Opens the authorization URL and answers the sign-in page; throws when the provider does not redirect back. */
export async function signInAtStandin(authorizationUrl: string, choice: SignInChoice = {}): Promise<SignInOutcome> {
  const page = await fetch(authorizationUrl, { redirect: "manual" });
  const pageHtml = await page.text();
  if (page.status === 302) return { callback: new URL(page.headers.get("location") ?? ""), submitted: {} };
  if (page.status !== 200) throw new Error(`The sign-in page answered ${page.status}: ${pageHtml.slice(0, 300)}`);

  const { action, fields } = readForm(pageHtml, authorizationUrl);
  if (choice.userId !== undefined) fields.user_id = choice.userId;
  if (choice.nickname !== undefined) fields.nickname = choice.nickname;
  if (choice.avatar !== undefined) fields.avatar = choice.avatar;
  if (choice.deny) fields.deny = "1";

  const answer = await fetch(action, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
    redirect: "manual",
  });
  const location = answer.headers.get("location");
  if (answer.status !== 302 || !location) throw new Error(`Submitting the sign-in page answered ${answer.status}: ${(await answer.text()).slice(0, 300)}`);
  return { callback: new URL(location), submitted: fields };
}
