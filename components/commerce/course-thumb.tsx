// A course's small cover for cart and order lines: the catalogue's generated gradient (components/course/
// cover.ts), or a neutral tile while the course's category is not known yet (an offline cart never priced).
import { coverBackground } from "@/components/course/cover";
import styles from "./cart.module.css";

export function CourseThumb({ courseId, categoryRootId }: { courseId: number; categoryRootId: number | null | undefined }) {
  return (
    <div className={styles.thumb} style={categoryRootId ? { background: coverBackground(courseId, categoryRootId), color: "rgb(255 255 255 / 0.85)" } : undefined} aria-hidden="true" data-testid="cart-thumb">
      <svg width="28" height="28" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round">
        <path d="M4 5.5A1.5 1.5 0 0 1 5.5 4H11v16H5.5A1.5 1.5 0 0 1 4 18.5zM13 4h5.5A1.5 1.5 0 0 1 20 5.5v13a1.5 1.5 0 0 1-1.5 1.5H13z" />
      </svg>
    </div>
  );
}
