"use client";
// Chapters and their lessons: add, rename, remove, and reorder by dragging (pointer) or with the keyboard
// (dnd-kit's keyboard sensor: focus the handle, Space to lift, arrows to move, Space to drop), plus explicit
// up/down buttons. Saved as a whole with courses.saveSyllabus.
import { closestCenter, DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type DragEndEvent } from "@dnd-kit/core";
import { arrayMove, SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { LESSON_KINDS } from "@/lib/catalogue/admin-course-schema";
import styles from "./course-editor.module.css";

export interface DraftLesson {
  key: string;
  id?: number;
  title: string;
  kind: (typeof LESSON_KINDS)[number];
  durationSeconds: number;
  isFreePreview: boolean;
}
export interface DraftChapter {
  key: string;
  id?: number;
  title: string;
  lessons: DraftLesson[];
}

let counter = 0;
export const newKey = (prefix: string) => `${prefix}-new-${++counter}`;

function SortableRow({ id, handleLabel, children }: { id: string; handleLabel: string; children: ReactNode }) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id });
  return (
    <li ref={setNodeRef} style={{ transform: CSS.Transform.toString(transform), transition }} className={`${styles.sortRow} ${isDragging ? styles.dragging : ""}`} data-sortable-id={id}>
      <button type="button" ref={setActivatorNodeRef} className={styles.handle} aria-label={handleLabel} {...attributes} {...listeners}>
        ⋮⋮
      </button>
      <div className={styles.sortBody}>{children}</div>
    </li>
  );
}

function MoveButtons({ index, count, label, onMove }: { index: number; count: number; label: string; onMove: (from: number, to: number) => void }) {
  const t = useTranslations("CourseEditor.syllabus");
  return (
    <span className={styles.moveButtons}>
      <button type="button" className={styles.tool} aria-label={t("moveUp", { name: label })} disabled={index === 0} onClick={() => onMove(index, index - 1)}>
        ↑
      </button>
      <button type="button" className={styles.tool} aria-label={t("moveDown", { name: label })} disabled={index === count - 1} onClick={() => onMove(index, index + 1)}>
        ↓
      </button>
    </span>
  );
}

export function SyllabusEditor({ chapters, onChange, onSave, saving, disabled, courseId }: { chapters: DraftChapter[]; onChange: (next: DraftChapter[]) => void; onSave: () => void; saving: boolean; disabled: boolean; courseId?: number }) {
  const t = useTranslations("CourseEditor.syllabus");
  const tm = useTranslations("LessonMedia");
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));

  const moveChapter = (from: number, to: number) => onChange(arrayMove(chapters, from, to));
  const updateChapter = (index: number, patch: Partial<DraftChapter>) => onChange(chapters.map((c, i) => (i === index ? { ...c, ...patch } : c)));
  const moveLesson = (ci: number, from: number, to: number) => updateChapter(ci, { lessons: arrayMove(chapters[ci]!.lessons, from, to) });
  const updateLesson = (ci: number, li: number, patch: Partial<DraftLesson>) => updateChapter(ci, { lessons: chapters[ci]!.lessons.map((l, i) => (i === li ? { ...l, ...patch } : l)) });

  const onChapterDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    moveChapter(chapters.findIndex((c) => c.key === active.id), chapters.findIndex((c) => c.key === over.id));
  };
  const onLessonDragEnd = (ci: number) => ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const lessons = chapters[ci]!.lessons;
    moveLesson(ci, lessons.findIndex((l) => l.key === active.id), lessons.findIndex((l) => l.key === over.id));
  };

  return (
    <section className={styles.panel} aria-labelledby="syllabus-heading">
      <h2 id="syllabus-heading" className={styles.panelTitle}>
        {t("title")}
      </h2>
      {disabled ? <p className={styles.muted}>{t("saveCourseFirst")}</p> : null}
      <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onChapterDragEnd}>
        <SortableContext items={chapters.map((c) => c.key)} strategy={verticalListSortingStrategy}>
          <ol className={styles.sortList} aria-label={t("chapters")}>
            {chapters.map((chapter, ci) => (
              <SortableRow key={chapter.key} id={chapter.key} handleLabel={t("dragChapter", { name: chapter.title || ci + 1 })}>
                <div className={styles.rowLine}>
                  <input className={styles.rowTitle} aria-label={t("chapterTitle", { n: ci + 1 })} value={chapter.title} maxLength={191} onChange={(e) => updateChapter(ci, { title: e.target.value })} />
                  <MoveButtons index={ci} count={chapters.length} label={chapter.title} onMove={moveChapter} />
                  <button type="button" className={styles.tool} aria-label={t("removeChapter", { name: chapter.title })} onClick={() => onChange(chapters.filter((_, i) => i !== ci))}>
                    ✕
                  </button>
                </div>
                <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onLessonDragEnd(ci)}>
                  <SortableContext items={chapter.lessons.map((l) => l.key)} strategy={verticalListSortingStrategy}>
                    <ol className={styles.sortList} aria-label={t("lessonsOf", { name: chapter.title })}>
                      {chapter.lessons.map((lesson, li) => (
                        <SortableRow key={lesson.key} id={lesson.key} handleLabel={t("dragLesson", { name: lesson.title || li + 1 })}>
                          <div className={styles.rowLine}>
                            <input className={styles.rowTitle} aria-label={t("lessonTitle", { n: li + 1 })} value={lesson.title} maxLength={191} onChange={(e) => updateLesson(ci, li, { title: e.target.value })} />
                            <select aria-label={t("kind")} value={lesson.kind} onChange={(e) => updateLesson(ci, li, { kind: e.target.value as DraftLesson["kind"] })}>
                              {LESSON_KINDS.map((k) => (
                                <option key={k} value={k}>
                                  {t(`kind_${k}`)}
                                </option>
                              ))}
                            </select>
                            <label className={styles.inlineField}>
                              {t("minutes")}
                              <input type="number" min={0} max={1440} className={styles.narrow} value={Math.round(lesson.durationSeconds / 60)} onChange={(e) => updateLesson(ci, li, { durationSeconds: Math.max(0, Math.min(1440, Number(e.target.value) || 0)) * 60 })} />
                            </label>
                            <label className={styles.inlineField}>
                              <input type="checkbox" checked={lesson.isFreePreview} onChange={(e) => updateLesson(ci, li, { isFreePreview: e.target.checked })} />
                              {t("freePreview")}
                            </label>
                            {/* A lesson's text and video are edited on its own page, once the lesson is saved. */}
                            {courseId && lesson.id ? (
                              <Link href={`/admin/courses/${courseId}/lessons/${lesson.id}`} className={`${styles.tool} ${styles.toolLink}`} aria-label={tm("editContent", { name: lesson.title })} data-testid="lesson-content-link">
                                {tm("content")}
                              </Link>
                            ) : null}
                            <MoveButtons index={li} count={chapter.lessons.length} label={lesson.title} onMove={(from, to) => moveLesson(ci, from, to)} />
                            <button type="button" className={styles.tool} aria-label={t("removeLesson", { name: lesson.title })} onClick={() => updateChapter(ci, { lessons: chapter.lessons.filter((_, i) => i !== li) })}>
                              ✕
                            </button>
                          </div>
                        </SortableRow>
                      ))}
                    </ol>
                  </SortableContext>
                </DndContext>
                <Button variant="ghost" size="sm" onClick={() => updateChapter(ci, { lessons: [...chapter.lessons, { key: newKey("lesson"), title: t("newLesson", { n: chapter.lessons.length + 1 }), kind: "video", durationSeconds: 600, isFreePreview: false }] })}>
                  {t("addLesson")}
                </Button>
              </SortableRow>
            ))}
          </ol>
        </SortableContext>
      </DndContext>
      <div className={styles.actions}>
        <Button variant="secondary" size="sm" onClick={() => onChange([...chapters, { key: newKey("chapter"), title: t("newChapter", { n: chapters.length + 1 }), lessons: [] }])}>
          {t("addChapter")}
        </Button>
        <Button size="sm" onClick={onSave} loading={saving} aria-disabled={disabled || undefined} disabled={disabled}>
          {t("save")}
        </Button>
      </div>
    </section>
  );
}
