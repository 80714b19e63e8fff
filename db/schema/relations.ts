import { relations } from "drizzle-orm";
import { categories, chapters, courses, lessons, teachers } from "./catalogue";
import { roles, userIdentities, userRoles, users } from "./identity";
import { enrolments, lessonProgress } from "./learning";
import { orderItems, orders } from "./commerce";
import { auditLog, permissions, rolePermissions } from "./rbac";

export const usersRelations = relations(users, ({ many }) => ({
  roles: many(userRoles),
  enrolments: many(enrolments),
  identities: many(userIdentities),
}));

export const userIdentitiesRelations = relations(userIdentities, ({ one }) => ({
  user: one(users, { fields: [userIdentities.userId], references: [users.id] }),
}));

export const rolesRelations = relations(roles, ({ many }) => ({
  users: many(userRoles),
  permissions: many(rolePermissions),
}));

export const permissionsRelations = relations(permissions, ({ many }) => ({
  roles: many(rolePermissions),
}));

export const rolePermissionsRelations = relations(rolePermissions, ({ one }) => ({
  role: one(roles, { fields: [rolePermissions.roleId], references: [roles.id] }),
  permission: one(permissions, { fields: [rolePermissions.permissionId], references: [permissions.id] }),
}));

export const auditLogRelations = relations(auditLog, ({ one }) => ({
  actor: one(users, { fields: [auditLog.actorId], references: [users.id] }),
}));

export const ordersRelations = relations(orders, ({ one, many }) => ({
  user: one(users, { fields: [orders.userId], references: [users.id] }),
  items: many(orderItems),
}));

export const orderItemsRelations = relations(orderItems, ({ one }) => ({
  order: one(orders, { fields: [orderItems.orderId], references: [orders.id] }),
  course: one(courses, { fields: [orderItems.courseId], references: [courses.id] }),
}));

export const userRolesRelations = relations(userRoles, ({ one }) => ({
  user: one(users, { fields: [userRoles.userId], references: [users.id] }),
  role: one(roles, { fields: [userRoles.roleId], references: [roles.id] }),
}));

export const categoriesRelations = relations(categories, ({ one, many }) => ({
  parent: one(categories, { fields: [categories.parentId], references: [categories.id], relationName: "category_parent" }),
  children: many(categories, { relationName: "category_parent" }),
  courses: many(courses),
}));

export const teachersRelations = relations(teachers, ({ many }) => ({
  courses: many(courses),
}));

export const coursesRelations = relations(courses, ({ one, many }) => ({
  category: one(categories, { fields: [courses.categoryId], references: [categories.id] }),
  teacher: one(teachers, { fields: [courses.teacherId], references: [teachers.id] }),
  chapters: many(chapters),
  lessons: many(lessons),
  enrolments: many(enrolments),
}));

export const chaptersRelations = relations(chapters, ({ one, many }) => ({
  course: one(courses, { fields: [chapters.courseId], references: [courses.id] }),
  lessons: many(lessons),
}));

export const lessonsRelations = relations(lessons, ({ one }) => ({
  course: one(courses, { fields: [lessons.courseId], references: [courses.id] }),
  chapter: one(chapters, { fields: [lessons.chapterId], references: [chapters.id] }),
}));

export const enrolmentsRelations = relations(enrolments, ({ one }) => ({
  user: one(users, { fields: [enrolments.userId], references: [users.id] }),
  course: one(courses, { fields: [enrolments.courseId], references: [courses.id] }),
}));

export const lessonProgressRelations = relations(lessonProgress, ({ one }) => ({
  user: one(users, { fields: [lessonProgress.userId], references: [users.id] }),
  lesson: one(lessons, { fields: [lessonProgress.lessonId], references: [lessons.id] }),
}));
