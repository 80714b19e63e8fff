// The order admin's CSV export: the list's filters, newest first, at most EXPORT_MAX_ROWS rows, streamed in
// pages of EXPORT_PAGE_SIZE so memory stays flat however many rows go out. UTF-8 with a byte-order mark, which
// is what makes Excel read the Chinese titles and names as Chinese; CRLF line ends (RFC 4180). Cells a
// spreadsheet would run as a formula (starting = + - @, or a tab or carriage return) get a leading quote.
import "server-only";
import { exportPage, type AdminOrderFilter, type ExportRow } from "./admin-queries";

export const EXPORT_PAGE_SIZE = 1_000;
export const EXPORT_MAX_ROWS = 100_000;
const BOM = "\uFEFF";

const HEADERS = {
  "zh-CN": ["订单号", "下单时间 (UTC+8)", "状态", "用户 ID", "用户名", "邮箱", "课程", "小计 (元)", "优惠 (元)", "实付 (元)", "已退款 (元)", "支付方式", "交易号", "支付时间 (UTC+8)"],
  en: ["Order no", "Created (UTC+8)", "Status", "Learner id", "Learner name", "Email", "Courses", "Subtotal (CNY)", "Discount (CNY)", "Total (CNY)", "Refunded (CNY)", "Provider", "Trade no", "Paid at (UTC+8)"],
} as const;
export type ExportLocale = keyof typeof HEADERS;

/** A text cell, safe for spreadsheets: formula-looking text is defused, and quoting follows RFC 4180. */
export function csvCell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? "" : String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const yuan = (fen: number): string => (fen / 100).toFixed(2);

/** "2026-11-21 18:25:07" in China time. */
export const chinaTime = (d: Date | null): string => (d ? new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace("T", " ") : "");

export function csvLine(row: ExportRow): string {
  return [
    // Order numbers and trade numbers are text: a spreadsheet would round a 19-digit number.
    csvCell(row.orderNo),
    csvCell(chinaTime(row.createdAt)),
    csvCell(row.status),
    csvCell(row.userId),
    csvCell(row.userName),
    csvCell(row.userEmail),
    csvCell(row.titles.join(" | ")),
    yuan(row.subtotalFen),
    yuan(row.discountFen),
    yuan(row.totalFen),
    yuan(row.refundedFen),
    csvCell(row.provider),
    csvCell(row.providerTradeNo),
    csvCell(chinaTime(row.paidAt)),
  ].join(",");
}

/** The whole file as a stream: BOM and header first, then one page of rows per pull. */
export function exportStream(filter: AdminOrderFilter, locale: ExportLocale, maxRows = EXPORT_MAX_ROWS, pageSize = EXPORT_PAGE_SIZE): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let after: { createdAt: Date; id: number } | undefined;
  let sent = 0;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(`${BOM}${HEADERS[locale].map(csvCell).join(",")}\r\n`));
        return;
      }
      const rows = await exportPage(filter, Math.min(pageSize, maxRows - sent), after);
      if (rows.length > 0) {
        controller.enqueue(encoder.encode(rows.map((r) => `${csvLine(r)}\r\n`).join("")));
        sent += rows.length;
        const last = rows[rows.length - 1]!;
        after = { createdAt: last.createdAt, id: last.id };
      }
      if (rows.length < pageSize || sent >= maxRows) controller.close();
    },
  });
}
