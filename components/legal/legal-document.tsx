// The terms of service and the privacy policy pages: one document of lib/legal in the reader's language, dated,
// with its table of contents.
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { resolveLocale } from "@/lib/i18n/config";
import { SUPPORT_EMAIL, type LegalBlock, type Paragraph, type VersionedDocument } from "@/lib/legal/types";
import { DocumentLayout, DocumentSection } from "./document-layout";
import styles from "./document.module.css";
import { RichText } from "./rich-text";

const isParagraph = (block: LegalBlock): block is Paragraph => typeof block === "string" || Array.isArray(block);

function Block({ block }: { block: LegalBlock }) {
  if (isParagraph(block)) {
    return (
      <p>
        <RichText value={block} />
      </p>
    );
  }
  if ("list" in block) {
    return (
      <ul className={styles.list}>
        {block.list.map((item, i) => (
          <li key={i}>
            <RichText value={item} />
          </li>
        ))}
      </ul>
    );
  }
  return (
    <div className={styles.tableScroll} tabIndex={0} role="region" aria-label={block.table.head.join(" · ")}>
      <table className={styles.table}>
        <thead>
          <tr>
            {block.table.head.map((cell) => (
              <th key={cell} scope="col">
                {cell}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {block.table.rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, c) =>
                c === 0 ? (
                  <th key={c} scope="row">
                    <RichText value={cell} />
                  </th>
                ) : (
                  <td key={c} data-label={block.table.head[c]}>
                    <RichText value={cell} />
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export async function LegalDocumentPage({ document, title, testId }: { document: VersionedDocument; title: string; testId: string }) {
  const [locale, t, format] = await Promise.all([getLocale(), getTranslations("Legal"), getFormatter()]);
  const doc = document[resolveLocale(locale)];
  // A calendar day, not an instant: formatted in UTC so no reader's time zone moves it to another day.
  const date = format.dateTime(new Date(`${document.updated}T00:00:00Z`), { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });
  return (
    <DocumentLayout
      title={title}
      testId={testId}
      intro={
        <p className={styles.updated}>
          <time dateTime={document.updated}>{t("updated", { date })}</time>
        </p>
      }
      toc={{ label: t("toc"), entries: doc.sections.map((s) => ({ id: s.id, label: s.title })) }}
    >
      <div className={styles.intro}>
        {doc.intro.map((block, i) => (
          <Block key={i} block={block} />
        ))}
      </div>
      {doc.sections.map((section) => (
        <DocumentSection key={section.id} id={section.id} title={section.title}>
          {section.body.map((block, i) => (
            <Block key={i} block={block} />
          ))}
        </DocumentSection>
      ))}
      <p className={styles.footnote}>
        {t.rich("questions", {
          email: (chunks) => <a href={`mailto:${SUPPORT_EMAIL}`}>{chunks}</a>,
          contact: (chunks) => <Link href="/help/contact">{chunks}</Link>,
        })}
      </p>
    </DocumentLayout>
  );
}
