// A browser's User-Agent in plain words ("Chrome" on "Windows"), for the list of signed-in devices. Only the
// common cases: anything else is shown as an unknown device rather than as the raw string.

export interface DeviceDescription {
  browser: string;
  os: string;
}

// Order matters: Edge, Opera and the Chinese browsers also claim to be Chrome and Safari.
const BROWSERS: Array<[RegExp, string]> = [
  [/MicroMessenger\//, "WeChat"],
  [/\bQQ\//, "QQ"],
  [/QQBrowser\//, "QQ Browser"],
  [/UCBrowser\//, "UC Browser"],
  [/Edg(?:e|A|iOS)?\//, "Edge"],
  [/OPR\/|Opera/, "Opera"],
  [/SamsungBrowser\//, "Samsung Internet"],
  [/Firefox\/|FxiOS\//, "Firefox"],
  [/Chrome\/|CriOS\/|Chromium\//, "Chrome"],
  [/Safari\//, "Safari"],
  [/HeadlessChrome/, "Chrome"],
  [/curl\//, "curl"],
  [/node-fetch|undici|Node\.js/, "Node.js"],
];

const SYSTEMS: Array<[RegExp, string]> = [
  [/HarmonyOS|OpenHarmony/, "HarmonyOS"],
  [/iPhone/, "iPhone"],
  [/iPad/, "iPad"],
  [/Android/, "Android"],
  [/Windows/, "Windows"],
  [/Mac OS X|Macintosh/, "macOS"],
  [/CrOS/, "ChromeOS"],
  [/Linux/, "Linux"],
];

export function describeUserAgent(userAgent: string): DeviceDescription | null {
  const browser = BROWSERS.find(([pattern]) => pattern.test(userAgent))?.[1];
  const os = SYSTEMS.find(([pattern]) => pattern.test(userAgent))?.[1];
  if (!browser && !os) return null;
  return { browser: browser ?? "?", os: os ?? "?" };
}
