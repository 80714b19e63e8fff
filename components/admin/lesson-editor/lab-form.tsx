"use client";
// The lab of a lab lesson, in the lesson editor: title, instructions (the same rich-text editor as lesson
// text), the setup script, the check command and the limits. Labels come from the server page.
import dynamic from "next/dynamic";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import styles from "@/components/admin/course-editor/course-editor.module.css";
import { saveLab } from "@/lib/labs/admin-actions";
import { LIMIT_BOUNDS, type LabLimits } from "@/lib/labs/limits";

const RichTextEditor = dynamic(() => import("@/components/admin/course-editor/rich-text-editor"), { ssr: false, loading: () => <div className={styles.editorLoading} aria-busy="true" /> });

export interface LabFormValues extends LabLimits {
  title: string;
  instructions: string;
  setupScript: string;
  checkCommand: string;
}

export type LabFormLabels = Record<"heading" | "help" | "title" | "instructions" | "setupScript" | "setupHelp" | "checkCommand" | "checkHelp" | "save" | "saved" | "invalid" | "unavailable" | keyof LabLimits, string>;

const LIMITS = ["minutes", "memoryMb", "processes", "cpuSeconds", "diskMb"] as const;

export function LabForm({ lessonId, initial, labels }: { lessonId: number; initial: LabFormValues; labels: LabFormLabels }) {
  const [values, setValues] = useState(initial);
  const [fields, setFields] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<{ tone: "status" | "alert"; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const set = <K extends keyof LabFormValues>(key: K, value: LabFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));

  const save = () =>
    startTransition(async () => {
      setMessage(null);
      const result = await saveLab({ lessonId, ...values }).catch(() => ({ ok: false as const, error: "unavailable" as const }));
      if (result?.ok) {
        setFields({});
        setMessage({ tone: "status", text: labels.saved });
      } else {
        setFields((result && "fields" in result && result.fields) || {});
        setMessage({ tone: "alert", text: result?.error === "invalid_input" ? labels.invalid : labels.unavailable });
      }
    });

  const error = (name: string) => (fields[name]?.length ? <p className={styles.fieldError}>{fields[name]!.join(" ")}</p> : null);

  return (
    <section className={styles.panel} aria-labelledby="lab-heading" data-testid="lab-form">
      <h2 id="lab-heading" className={styles.panelTitle}>
        {labels.heading}
      </h2>
      <p className={styles.muted}>{labels.help}</p>
      <label className={styles.field}>
        <span className={styles.label}>{labels.title}</span>
        <input name="title" value={values.title} maxLength={191} onChange={(e) => set("title", e.target.value)} aria-invalid={Boolean(fields.title)} />
        {error("title")}
      </label>
      <div className={styles.field}>
        <span className={styles.label}>{labels.instructions}</span>
        <RichTextEditor initialHtml={initial.instructions} label={labels.instructions} onChange={(html) => set("instructions", html)} onError={() => undefined} />
      </div>
      <label className={styles.field}>
        <span className={styles.label}>{labels.setupScript}</span>
        <textarea name="setupScript" rows={5} spellCheck={false} value={values.setupScript} onChange={(e) => set("setupScript", e.target.value)} style={{ fontFamily: "monospace" }} />
        <span className={styles.muted}>{labels.setupHelp}</span>
        {error("setupScript")}
      </label>
      <label className={styles.field}>
        <span className={styles.label}>{labels.checkCommand}</span>
        <textarea name="checkCommand" rows={3} spellCheck={false} value={values.checkCommand} onChange={(e) => set("checkCommand", e.target.value)} aria-invalid={Boolean(fields.checkCommand)} style={{ fontFamily: "monospace" }} />
        <span className={styles.muted}>{labels.checkHelp}</span>
        {error("checkCommand")}
      </label>
      <div style={{ display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(160px, 1fr))", gap: "0.75rem" }}>
        {LIMITS.map((name) => (
          <label key={name} className={styles.field}>
            <span className={styles.label}>{labels[name]}</span>
            <input type="number" name={name} min={LIMIT_BOUNDS[name][0]} max={LIMIT_BOUNDS[name][1]} value={values[name]} onChange={(e) => set(name, Number(e.target.value))} aria-invalid={Boolean(fields[name])} />
            {error(name)}
          </label>
        ))}
      </div>
      <div>
        <Button type="button" onClick={save} disabled={pending} data-testid="lab-save">
          {labels.save}
        </Button>
      </div>
      {message ? (
        <p role={message.tone} className={message.tone === "alert" ? styles.fieldError : styles.muted} data-testid="lab-form-message">
          {message.text}
        </p>
      ) : null}
    </section>
  );
}
