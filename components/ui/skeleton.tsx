import type { CSSProperties } from "react";
import styles from "./skeleton.module.css";

export interface SkeletonProps {
  width?: CSSProperties["width"];
  height?: CSSProperties["height"];
  radius?: CSSProperties["borderRadius"];
  className?: string;
}

/** A grey placeholder block. Decorative: the region that shows skeletons announces its own loading state. */
export function Skeleton({ width = "100%", height = "1em", radius, className }: SkeletonProps) {
  return <span aria-hidden="true" className={className ? `${styles.skeleton} ${className}` : styles.skeleton} style={{ width, height, borderRadius: radius }} />;
}
