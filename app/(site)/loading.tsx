import { HomeShelvesSkeleton } from "@/components/home/home-shelves-skeleton";

/** Shown while a page of the site loads: skeleton course cards under the header. */
export default function Loading() {
  return <HomeShelvesSkeleton />;
}
