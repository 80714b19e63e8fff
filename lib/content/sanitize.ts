// The one HTML sanitiser for author-written rich text (course descriptions, articles). Admins' HTML is
// sanitised when it is saved and again when it is rendered, so a row written before a rule tightened, or by
// hand in the database, still reaches learners clean.
//
// It is an allow-list over `sanitize-html` (htmlparser2 underneath, no DOM): every tag, attribute, class and
// URL scheme not named here is dropped. URLs are judged after the parser has decoded entities and after
// control characters and whitespace are removed, the way a browser reads them, so `java&#x09;script:` and
// `JaVaScRiPt:` are caught like `javascript:`.
import "server-only";
import sanitize from "sanitize-html";

/** Where our own uploads are served (lib/storage's local adapter); images may also come from https. */
export const UPLOAD_PATH_PREFIX = "/uploads/";

const LANGUAGE_CLASS = /^language-[a-z0-9][a-z0-9+#-]{0,29}$/;
const DIMENSION = /^\d{1,4}$/;
const SPAN = /^\d{1,3}$/;
const LINK_SCHEMES = new Set(["http:", "https:", "mailto:"]);
const FORCED_REL = "noopener noreferrer nofollow";

/** What a browser would see as the URL: no ASCII control characters or whitespace anywhere in it. */
function normaliseUrl(raw: string): string {
  return raw.replace(/[\u0000-\u0020\u007f-\u009f]+/g, "");
}

function schemeOf(url: string): string | null {
  const match = /^([a-z][a-z0-9+.-]*):/i.exec(url);
  return match ? `${match[1]!.toLowerCase()}:` : null;
}

function safeHref(raw: string | undefined): string | null {
  if (!raw) return null;
  const url = normaliseUrl(raw);
  const scheme = schemeOf(url);
  if (!scheme || !LINK_SCHEMES.has(scheme)) return null;
  try {
    // mailto: has no host; http(s) must parse as an absolute URL with one.
    if (scheme !== "mailto:" && !new URL(url).host) return null;
  } catch {
    return null;
  }
  return url;
}

function safeImageSrc(raw: string | undefined): string | null {
  if (!raw) return null;
  const url = normaliseUrl(raw);
  if (url.startsWith(UPLOAD_PATH_PREFIX)) {
    const key = url.slice(UPLOAD_PATH_PREFIX.length);
    return /^[A-Za-z0-9][A-Za-z0-9._/-]*$/.test(key) && !key.split("/").includes("..") ? url : null;
  }
  if (schemeOf(url) !== "https:") return null;
  try {
    return new URL(url).host ? url : null;
  } catch {
    return null;
  }
}

function keepMatching(attribs: Record<string, string>, name: string, pattern: RegExp): void {
  const value = attribs[name];
  if (value !== undefined && !pattern.test(value.trim())) delete attribs[name];
  else if (value !== undefined) attribs[name] = value.trim();
}

const OPTIONS: sanitize.IOptions = {
  allowedTags: [
    "p", "br", "h2", "h3", "h4", "strong", "em", "u", "s", "code", "pre", "blockquote", "ul", "ol", "li",
    "a", "img", "table", "thead", "tbody", "tr", "th", "td", "hr",
  ],
  allowedAttributes: {
    a: ["href", "rel", { name: "target", multiple: false, values: ["_blank"] }],
    img: ["src", "alt", "width", "height"],
    pre: ["class"],
    code: ["class"],
    th: ["colspan", "rowspan"],
    td: ["colspan", "rowspan"],
  },
  allowedClasses: { pre: [LANGUAGE_CLASS], code: [LANGUAGE_CLASS] },
  // Schemes are checked again below on the decoded, whitespace-free URL; this is the library's own net.
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: { img: ["https"] },
  allowedSchemesAppliedToAttributes: ["href", "src"],
  allowProtocolRelative: false,
  allowedStyles: {},
  disallowedTagsMode: "discard",
  // Tags whose content is dropped along with them (the default list plus the other raw-text containers).
  nonTextTags: ["script", "style", "textarea", "option", "noscript", "title", "iframe", "noembed", "noframes", "xmp", "plaintext", "template", "svg", "math", "object"],
  enforceHtmlBoundary: false,
  parseStyleAttributes: false,
  transformTags: {
    // Pasted HTML often uses the neighbouring tag; keep its meaning instead of dropping it to text.
    h1: "h2",
    h5: "h4",
    h6: "h4",
    b: "strong",
    i: "em",
    del: "s",
    strike: "s",
    a: (tagName, attribs) => {
      const href = safeHref(attribs.href);
      const next: Record<string, string> = { rel: FORCED_REL };
      if (href) next.href = href;
      if (attribs.target === "_blank") next.target = "_blank";
      return { tagName, attribs: next };
    },
    img: (tagName, attribs) => {
      const src = safeImageSrc(attribs.src);
      const next: Record<string, string> = { ...attribs };
      if (src) next.src = src;
      else delete next.src;
      keepMatching(next, "width", DIMENSION);
      keepMatching(next, "height", DIMENSION);
      return { tagName, attribs: next };
    },
    th: (tagName, attribs) => {
      const next = { ...attribs };
      keepMatching(next, "colspan", SPAN);
      keepMatching(next, "rowspan", SPAN);
      return { tagName, attribs: next };
    },
    td: (tagName, attribs) => {
      const next = { ...attribs };
      keepMatching(next, "colspan", SPAN);
      keepMatching(next, "rowspan", SPAN);
      return { tagName, attribs: next };
    },
  },
  // An image whose source was refused is dropped rather than left as an empty box.
  exclusiveFilter: (frame) => frame.tag === "img" && !frame.attribs.src,
};

/** Returns `html` with everything outside the allow-list removed. Safe to call on already-clean HTML. */
export function sanitizeHtml(html: string): string {
  if (typeof html !== "string" || html === "") return "";
  return sanitize(html, OPTIONS).trim();
}

/**
 * Learner-written plain text (reviews, questions, answers, chat): kept as typed, never as HTML — pages render
 * it escaped — but without control characters, bidirectional overrides and zero-width characters (which
 * disguise words from the sensitive-word screen and reorder what readers see), with \n line ends, at most one
 * blank line in a row, and no spaces at either end.
 */
export function cleanPlainText(text: string): string {
  if (typeof text !== "string") return "";
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g, "")
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
