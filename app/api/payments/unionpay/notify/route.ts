import { handleNotification } from "@/lib/orders/notifications";

/** unionpay asynchronous notifications: verified over the raw body, stored, applied once. */
export const POST = (request: Request) => handleNotification("unionpay", request);
