import { handleNotification } from "@/lib/orders/notifications";

/** wechat asynchronous notifications: verified over the raw body, stored, applied once. */
export const POST = (request: Request) => handleNotification("wechat", request);
