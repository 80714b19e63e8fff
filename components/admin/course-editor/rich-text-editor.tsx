"use client";
// The description editor: Tiptap with headings, marks, lists, links, highlighted code blocks, tables and
// uploaded images. It emits HTML; the server sanitises it on save with the same allow-list learners get.
import CodeBlockLowlight from "@tiptap/extension-code-block-lowlight";
import Image from "@tiptap/extension-image";
import { TableKit } from "@tiptap/extension-table";
import { EditorContent, useEditor, useEditorState, type Editor } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { common, createLowlight } from "lowlight";
import { useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";
import styles from "./course-editor.module.css";
import { uploadImage } from "./upload-image";

const lowlight = createLowlight(common);
export const CODE_LANGUAGES = ["plaintext", "javascript", "typescript", "python", "java", "go", "rust", "sql", "bash", "css", "xml", "json", "cpp", "kotlin", "swift"] as const;

function ToolButton({ label, active, onClick, children }: { label: string; active?: boolean; onClick: () => void; children: React.ReactNode }) {
  return (
    <button type="button" className={styles.tool} aria-label={label} title={label} aria-pressed={active ?? undefined} onMouseDown={(e) => e.preventDefault()} onClick={onClick}>
      {children}
    </button>
  );
}

function Toolbar({ editor, onError }: { editor: Editor; onError: (key: string) => void }) {
  const t = useTranslations("CourseEditor.toolbar");
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      h2: e.isActive("heading", { level: 2 }),
      h3: e.isActive("heading", { level: 3 }),
      bold: e.isActive("bold"),
      italic: e.isActive("italic"),
      underline: e.isActive("underline"),
      strike: e.isActive("strike"),
      bullet: e.isActive("bulletList"),
      ordered: e.isActive("orderedList"),
      quote: e.isActive("blockquote"),
      code: e.isActive("codeBlock"),
      link: e.isActive("link"),
      table: e.isActive("table"),
      language: (e.getAttributes("codeBlock").language as string | undefined) ?? "plaintext",
    }),
  });
  const [linkOpen, setLinkOpen] = useState(false);
  const [href, setHref] = useState("");
  const fileRef = useRef<HTMLInputElement>(null);
  const linkId = useId();
  const chain = () => editor.chain().focus();

  // Not a <form>: the editor sits inside the course form, and a nested form's submit would save the course.
  const applyLink = () => {
    const url = href.trim();
    if (url === "") chain().extendMarkRange("link").unsetLink().run();
    else if (/^(https?:\/\/|mailto:)/i.test(url)) chain().extendMarkRange("link").setLink({ href: url, target: "_blank" }).run();
    else return onError("link_scheme");
    setLinkOpen(false);
  };

  const onImage = async (file: File | undefined) => {
    if (!file) return;
    const result = await uploadImage(file);
    if (fileRef.current) fileRef.current.value = "";
    if (!result.ok) return onError(result.error);
    chain().setImage({ src: result.url, alt: file.name.replace(/\.[^.]+$/, "") }).run();
  };

  return (
    <div className={styles.toolbarWrap}>
      <div role="toolbar" aria-label={t("label")} className={styles.toolbar}>
        <ToolButton label={t("h2")} active={state.h2} onClick={() => chain().toggleHeading({ level: 2 }).run()}>H2</ToolButton>
        <ToolButton label={t("h3")} active={state.h3} onClick={() => chain().toggleHeading({ level: 3 }).run()}>H3</ToolButton>
        <ToolButton label={t("bold")} active={state.bold} onClick={() => chain().toggleBold().run()}><strong>B</strong></ToolButton>
        <ToolButton label={t("italic")} active={state.italic} onClick={() => chain().toggleItalic().run()}><em>I</em></ToolButton>
        <ToolButton label={t("underline")} active={state.underline} onClick={() => chain().toggleUnderline().run()}><u>U</u></ToolButton>
        <ToolButton label={t("strike")} active={state.strike} onClick={() => chain().toggleStrike().run()}><s>S</s></ToolButton>
        <ToolButton label={t("bulletList")} active={state.bullet} onClick={() => chain().toggleBulletList().run()}>•≡</ToolButton>
        <ToolButton label={t("orderedList")} active={state.ordered} onClick={() => chain().toggleOrderedList().run()}>1≡</ToolButton>
        <ToolButton label={t("quote")} active={state.quote} onClick={() => chain().toggleBlockquote().run()}>❝</ToolButton>
        <ToolButton label={t("codeBlock")} active={state.code} onClick={() => chain().toggleCodeBlock().run()}>{"</>"}</ToolButton>
        <ToolButton
          label={t("link")}
          active={state.link}
          onClick={() => {
            setHref((editor.getAttributes("link").href as string | undefined) ?? "https://");
            setLinkOpen((open) => !open);
          }}
        >
          {t("link")}
        </ToolButton>
        <ToolButton label={t("table")} active={state.table} onClick={() => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run()}>▦</ToolButton>
        <ToolButton label={t("image")} onClick={() => fileRef.current?.click()}>{t("imageShort")}</ToolButton>
        <ToolButton label={t("rule")} onClick={() => chain().setHorizontalRule().run()}>—</ToolButton>
        <input ref={fileRef} type="file" accept="image/png,image/jpeg,image/webp,image/gif" hidden aria-hidden="true" tabIndex={-1} onChange={(e) => void onImage(e.target.files?.[0])} />
        {state.code ? (
          <label className={styles.inlineField}>
            {t("language")}
            <select value={state.language} onChange={(e) => chain().updateAttributes("codeBlock", { language: e.target.value }).run()}>
              {CODE_LANGUAGES.map((l) => (
                <option key={l} value={l}>
                  {l}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {state.table ? (
          <>
            <ToolButton label={t("addRow")} onClick={() => chain().addRowAfter().run()}>+↓</ToolButton>
            <ToolButton label={t("addColumn")} onClick={() => chain().addColumnAfter().run()}>+→</ToolButton>
            <ToolButton label={t("deleteTable")} onClick={() => chain().deleteTable().run()}>✕▦</ToolButton>
          </>
        ) : null}
      </div>
      {linkOpen ? (
        <div className={styles.linkForm} role="group" aria-label={t("link")}>
          <label htmlFor={linkId}>{t("linkUrl")}</label>
          <input
            id={linkId}
            type="url"
            value={href}
            onChange={(e) => setHref(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                applyLink();
              } else if (e.key === "Escape") {
                e.preventDefault();
                setLinkOpen(false);
                editor.commands.focus();
              }
            }}
            autoFocus
          />
          <button type="button" className={styles.tool} onClick={applyLink}>
            {t("applyLink")}
          </button>
        </div>
      ) : null}
    </div>
  );
}

export interface RichTextEditorProps {
  initialHtml: string;
  label: string;
  onChange: (html: string) => void;
  onError: (key: string) => void;
}

export default function RichTextEditor({ initialHtml, label, onChange, onError }: RichTextEditorProps) {
  const editor = useEditor({
    immediatelyRender: false,
    extensions: [
      StarterKit.configure({
        heading: { levels: [2, 3, 4] },
        codeBlock: false,
        link: { openOnClick: false, autolink: true, protocols: ["http", "https", "mailto"], HTMLAttributes: { rel: "noopener noreferrer nofollow", target: "_blank" } },
      }),
      CodeBlockLowlight.configure({ lowlight, defaultLanguage: "plaintext" }),
      TableKit.configure({ table: { resizable: false } }),
      Image.configure({ inline: false }),
    ],
    content: initialHtml,
    editorProps: { attributes: { class: styles.prose!, "aria-label": label, "aria-multiline": "true", role: "textbox" } },
    onUpdate: ({ editor: e }) => onChange(e.getHTML()),
  });
  if (!editor) return <div className={styles.editorLoading} aria-busy="true" />;
  return (
    <div className={styles.editor}>
      <Toolbar editor={editor} onError={onError} />
      <EditorContent editor={editor} />
    </div>
  );
}
