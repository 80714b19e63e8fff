// robots.txt: the whole site may be crawled except the admin and the API; the sitemap is named with the
// site's public address, so this is rendered per request rather than at build time.
import type { MetadataRoute } from "next";
import { env } from "@/lib/config/env";

export const dynamic = "force-dynamic";

export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: "*", allow: "/", disallow: ["/admin", "/api/"] },
    sitemap: new URL("/sitemap.xml", env().APP_URL).toString(),
  };
}
