// The one owner of "may this viewer open this lesson" lives with enrolments; video playback asks it through
// this file only, so moving that owner is a one-line change here.
export { canOpen, lessonForViewer, type LessonView } from "@/lib/catalogue/enrolment-access";
