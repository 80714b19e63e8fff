// People in the demo data: the admin roles, the demo accounts, and the name pools learners are drawn from.

export const DEMO_PASSWORD = "Passw0rd!demo";

export interface DemoAccount {
  email: string;
  name: string;
  /** The one role the account holds; null for the demo learner. */
  roleKey: string | null;
  description: string;
}

export const DEMO_ACCOUNTS: ReadonlyArray<DemoAccount> = [
  { email: "admin@example.com", name: "张明远", roleKey: "super_admin", description: "super admin (everything under /admin)" },
  { email: "course-admin@example.com", name: "李晓彤", roleKey: "course_admin", description: "course admin (catalogue)" },
  { email: "order-admin@example.com", name: "王建国", roleKey: "order_admin", description: "order admin (orders and refunds)" },
  { email: "marketing-admin@example.com", name: "赵雪", roleKey: "marketing_admin", description: "marketing admin (coupons, flash sales, membership plans)" },
  { email: "moderator@example.com", name: "孙静怡", roleKey: "content_moderator", description: "content moderator (held and reported reviews and questions, word list)" },
  { email: "learner@example.com", name: "陈小北", roleKey: null, description: "learner with a few enrolments and progress" },
  { email: "teacher@example.com", name: "周老师", roleKey: null, description: "the teacher of the demo learner's finished course (replies to reviews, answers questions)" },
];

export const DEMO_LEARNER_EMAIL = "learner@example.com";
export const DEMO_TEACHER_EMAIL = "teacher@example.com";

/** The built-in admin roles live with the access rules (lib/rbac/types.ts); the seed upserts them too. */
export { BUILTIN_ROLE_DETAILS as ROLES } from "../../lib/rbac/types";

/** Learner accounts are learner001@example.com … learnerNNN@example.com; none collides with a demo account. */
export const LEARNER_COUNT = 360;
export const learnerEmail = (n: number) => `learner${String(n).padStart(3, "0")}@example.com`;

export const SURNAMES = [
  "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗",
  "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "萧", "程", "曹", "袁", "邓", "许", "傅", "沈", "曾", "彭", "吕",
  "苏", "卢", "蒋", "蔡", "贾", "丁", "魏", "薛", "叶", "阎", "潘", "杜", "戴", "夏", "钟", "汪", "田", "任", "姜", "范",
] as const;

export const GIVEN_NAMES = [
  "伟", "娜", "敏", "静", "丽", "强", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛", "明", "超", "秀英", "霞", "平", "刚",
  "子涵", "浩然", "梓萱", "欣怡", "宇轩", "一诺", "思远", "雨桐", "俊杰", "佳怡", "博文", "诗涵", "晨曦", "嘉怡", "子墨",
  "雨萱", "志强", "海燕", "文博", "晓东", "天佑", "可欣", "梦瑶", "建华", "鹏飞", "慧敏", "晓峰", "婷婷", "昊天", "家豪",
  "若曦", "乐乐", "宁", "颖", "凯", "璐", "斌", "倩", "浩", "琳", "立新", "振宇", "雅琪", "明轩", "思彤", "泽宇", "芳",
] as const;

export const ENGLISH_FIRST_NAMES = [
  "Emily", "Jason", "Kevin", "Olivia", "Daniel", "Grace", "Ryan", "Sophie", "Eric", "Chloe", "Lucas", "Mia", "Alex",
  "Hannah", "Tony", "Vivian", "Leo", "Amy", "Ethan", "Cindy", "Nathan", "Iris", "Oscar", "Zoe",
] as const;

export const ENGLISH_LAST_NAMES = [
  "Wang", "Li", "Zhang", "Chen", "Liu", "Huang", "Smith", "Brown", "Nguyen", "Kim", "Lee", "Taylor", "Johnson",
  "Garcia", "Müller", "Tan", "Wong", "Patel",
] as const;
