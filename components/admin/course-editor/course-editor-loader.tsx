"use client";
// Loads the editor (Tiptap, lowlight, dnd-kit) as its own chunk, only on the admin course pages.
import dynamic from "next/dynamic";
import type { CourseEditorProps } from "./course-editor";
import styles from "./course-editor.module.css";

const CourseEditor = dynamic(() => import("./course-editor").then((m) => m.CourseEditor), {
  ssr: false,
  loading: () => <div className={styles.editorLoading} aria-busy="true" />,
});

export function CourseEditorLoader(props: CourseEditorProps) {
  return <CourseEditor {...props} />;
}
