import { handleNotification } from "@/lib/orders/notifications";

/** alipay asynchronous notifications: verified over the raw body, stored, applied once. */
export const POST = (request: Request) => handleNotification("alipay", request);
