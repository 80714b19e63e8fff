// Hand-written demo content: the category tree, the teachers, and the shape of a course blueprint (the courses
// themselves are in content-courses-*.ts). Everything here is fiction written to look like a Chinese course
// store; company names in teacher titles are only there to read naturally.

export type Level = "beginner" | "intermediate" | "advanced";

/**
 * One course as written by hand; the generator adds prices, status, dates, chapters and lessons.
 * `tags` and `outline` are `|`-separated to keep the lists compact. Each outline entry is one chapter (after
 * the generated introduction chapter); an entry may name its own lessons after `>`, e.g.
 * `Hooks 深入>useState 与 useEffect>自定义 Hook`, otherwise lessons are derived from the chapter topic.
 */
export interface CourseBlueprint {
  slug: string;
  category: string;
  lang?: "en";
  level: Level;
  title: string;
  subtitle: string;
  tags: string;
  outline: string;
  /** `free`: an introductory course at 0; `premium`: a long bootcamp-style course at the top of the price range. */
  price?: "free" | "premium";
}

/** Attaches a child category to a group of blueprints so each entry need not repeat it. */
export function inCategory(category: string, items: ReadonlyArray<Omit<CourseBlueprint, "category">>): CourseBlueprint[] {
  return items.map((item) => ({ ...item, category }));
}

export interface TopCategory {
  slug: string;
  nameZh: string;
  nameEn: string;
  /** `tech` courses start with setting up tools; `soft` ones with how to study. */
  kind: "tech" | "soft";
  children: ReadonlyArray<{ slug: string; nameZh: string; nameEn: string }>;
}

export const CATEGORIES: readonly TopCategory[] = [
  {
    slug: "frontend", nameZh: "前端开发", nameEn: "Frontend", kind: "tech",
    children: [
      { slug: "web-basics", nameZh: "HTML/CSS/JavaScript", nameEn: "HTML, CSS & JavaScript" },
      { slug: "frontend-frameworks", nameZh: "前端框架", nameEn: "Frameworks" },
      { slug: "frontend-engineering", nameZh: "前端工程化", nameEn: "Frontend Engineering" },
      { slug: "visualization", nameZh: "可视化与图形", nameEn: "Visualization & Graphics" },
    ],
  },
  {
    slug: "backend", nameZh: "后端开发", nameEn: "Backend", kind: "tech",
    children: [
      { slug: "java", nameZh: "Java", nameEn: "Java" },
      { slug: "golang", nameZh: "Go 语言", nameEn: "Go" },
      { slug: "node-python", nameZh: "Node.js 与 Python", nameEn: "Node.js & Python" },
      { slug: "architecture", nameZh: "架构与微服务", nameEn: "Architecture & Microservices" },
    ],
  },
  {
    slug: "mobile", nameZh: "移动开发", nameEn: "Mobile", kind: "tech",
    children: [
      { slug: "android", nameZh: "Android", nameEn: "Android" },
      { slug: "ios", nameZh: "iOS", nameEn: "iOS" },
      { slug: "cross-platform", nameZh: "跨平台开发", nameEn: "Cross-platform" },
      { slug: "mini-programs", nameZh: "小程序", nameEn: "Mini Programs" },
    ],
  },
  {
    slug: "ai", nameZh: "人工智能", nameEn: "AI", kind: "tech",
    children: [
      { slug: "machine-learning", nameZh: "机器学习", nameEn: "Machine Learning" },
      { slug: "deep-learning", nameZh: "深度学习", nameEn: "Deep Learning" },
      { slug: "llm-apps", nameZh: "大模型应用开发", nameEn: "LLM Applications" },
    ],
  },
  {
    slug: "data", nameZh: "数据科学", nameEn: "Data", kind: "tech",
    children: [
      { slug: "data-analysis", nameZh: "数据分析", nameEn: "Data Analysis" },
      { slug: "big-data", nameZh: "大数据", nameEn: "Big Data" },
      { slug: "databases", nameZh: "数据库", nameEn: "Databases" },
    ],
  },
  {
    slug: "cloud", nameZh: "云计算与运维", nameEn: "Cloud & DevOps", kind: "tech",
    children: [
      { slug: "containers", nameZh: "容器与 Kubernetes", nameEn: "Containers & Kubernetes" },
      { slug: "devops", nameZh: "DevOps 与 CI/CD", nameEn: "DevOps & CI/CD" },
      { slug: "linux", nameZh: "Linux 运维", nameEn: "Linux Administration" },
      { slug: "cloud-platforms", nameZh: "公有云", nameEn: "Cloud Platforms" },
    ],
  },
  {
    slug: "security", nameZh: "网络安全", nameEn: "Security", kind: "tech",
    children: [
      { slug: "web-security", nameZh: "Web 安全", nameEn: "Web Security" },
      { slug: "pentest", nameZh: "渗透测试", nameEn: "Penetration Testing" },
      { slug: "secure-coding", nameZh: "安全开发", nameEn: "Secure Development" },
    ],
  },
  {
    slug: "product-design", nameZh: "产品与设计", nameEn: "Product & Design", kind: "soft",
    children: [
      { slug: "product-management", nameZh: "产品经理", nameEn: "Product Management" },
      { slug: "ui-ux", nameZh: "UI/UX 设计", nameEn: "UI/UX Design" },
      { slug: "growth", nameZh: "用户增长与运营", nameEn: "Growth & Operations" },
    ],
  },
  {
    slug: "career", nameZh: "职场与语言", nameEn: "Career & Languages", kind: "soft",
    children: [
      { slug: "interviews", nameZh: "求职面试", nameEn: "Job Interviews" },
      { slug: "workplace-english", nameZh: "职场英语", nameEn: "Business English" },
      { slug: "soft-skills", nameZh: "职场软技能", nameEn: "Soft Skills" },
    ],
  },
  {
    slug: "cs-fundamentals", nameZh: "计算机基础", nameEn: "CS Fundamentals", kind: "tech",
    children: [
      { slug: "algorithms", nameZh: "数据结构与算法", nameEn: "Algorithms" },
      { slug: "systems", nameZh: "操作系统与网络", nameEn: "Systems & Networking" },
    ],
  },
];

export interface TeacherBlueprint {
  slug: string;
  name: string;
  title: string;
  bio: string;
  /** Top-level category slugs the teacher teaches in. */
  areas: readonly string[];
  /** Teaches in English (and only in English). */
  english?: boolean;
}

export const TEACHERS: readonly TeacherBlueprint[] = [
  { slug: "chen-siyuan", name: "陈思远", title: "前阿里巴巴高级前端工程师", areas: ["frontend"],
    bio: "十年前端开发经验，曾负责淘宝商家后台与多个中台项目的架构设计，专注 React 生态与前端性能优化。" },
  { slug: "lin-yifan", name: "林一帆", title: "字节跳动前端架构师", areas: ["frontend", "mobile"],
    bio: "主导过日活千万级产品的前端工程化体系建设，熟悉 Vue、Vite 与小程序跨端方案，乐于分享一线踩坑经验。" },
  { slug: "sarah-chen", name: "Sarah Chen", title: "Staff Engineer, ex-Google", areas: ["frontend", "cs-fundamentals"], english: true,
    bio: "Sarah spent nine years building web platforms at Google and now teaches engineers to write fast, accessible front ends." },
  { slug: "zhou-zimo", name: "周子墨", title: "前腾讯 T11 后端专家", areas: ["backend", "cloud"],
    bio: "长期负责高并发消息系统与支付系统，擅长分布式架构设计与性能调优，带过多支从零到一的后端团队。" },
  { slug: "wang-haoran", name: "王浩然", title: "美团基础架构部资深工程师", areas: ["backend"],
    bio: "Java 与 Spring 生态深度实践者，参与过美团外卖交易链路重构，熟悉 JVM 调优与中间件原理。" },
  { slug: "li-jingwen", name: "李静雯", title: "Go 语言布道师，前七牛云技术专家", areas: ["backend", "cloud"],
    bio: "Go 社区活跃贡献者，参与多个开源项目，专注云原生后端与高性能网络编程。" },
  { slug: "david-miller", name: "David Miller", title: "Principal Engineer, ex-Amazon Web Services", areas: ["cloud", "backend"], english: true,
    bio: "David designed large-scale distributed services at AWS for over a decade and loves turning hard-won lessons into practical courses." },
  { slug: "zhao-mingxuan", name: "赵明轩", title: "前百度资深 Android 工程师", areas: ["mobile"],
    bio: "八年 Android 开发经验，负责过亿级用户 App 的启动优化与稳定性治理，熟悉 Kotlin 与 Jetpack Compose。" },
  { slug: "sun-yutong", name: "孙雨桐", title: "iOS 技术专家，前网易云音乐客户端负责人", areas: ["mobile"],
    bio: "从 Objective-C 时代一路走到 SwiftUI，关注客户端架构、音视频与用户体验细节。" },
  { slug: "kevin-wong", name: "Kevin Wong", title: "Senior Mobile Engineer, ex-Shopify", areas: ["mobile"], english: true,
    bio: "Kevin has shipped Flutter and React Native apps used by millions of merchants and teaches pragmatic cross-platform development." },
  { slug: "huang-zhiqiang", name: "黄志强", title: "前微软亚洲研究院研究员", areas: ["ai"],
    bio: "博士毕业于清华大学，研究方向为机器学习与自然语言处理，发表顶会论文十余篇，擅长把数学讲清楚。" },
  { slug: "he-shiyu", name: "何诗雨", title: "算法工程师，前快手推荐算法负责人", areas: ["ai", "data"],
    bio: "深耕推荐系统与用户建模，带领团队完成多次核心指标提升，熟悉从特征工程到线上服务的全流程。" },
  { slug: "emily-carter", name: "Emily Carter", title: "Machine Learning Engineer, ex-Meta AI", areas: ["ai", "data"], english: true,
    bio: "Emily builds and deploys ML systems in production and focuses on the engineering that turns models into products." },
  { slug: "guo-junjie", name: "郭俊杰", title: "大模型应用架构师，前商汤科技技术总监", areas: ["ai"],
    bio: "负责过多个企业级大模型落地项目，熟悉 RAG、Agent 与模型微调，关注大模型应用的工程化与成本控制。" },
  { slug: "ma-lixin", name: "马立新", title: "数据分析专家，前京东数据科学家", areas: ["data"],
    bio: "擅长用数据驱动业务决策，主导过零售经营分析体系搭建，熟练使用 Python、SQL 与各类 BI 工具。" },
  { slug: "luo-wenbo", name: "罗文博", title: "大数据架构师，Apache Flink Contributor", areas: ["data"],
    bio: "十年大数据平台建设经验，熟悉 Hadoop、Spark、Flink 与实时数仓架构。" },
  { slug: "liang-xiaoyu", name: "梁晓雨", title: "资深 DBA，前阿里云数据库专家", areas: ["data", "cloud"],
    bio: "服务过数百家企业的数据库架构与故障排查，精通 MySQL 内核、高可用方案与 SQL 调优。" },
  { slug: "priya-raman", name: "Priya Raman", title: "Data Engineer, ex-Netflix", areas: ["data"], english: true,
    bio: "Priya builds data pipelines and analytics platforms and teaches SQL and data modelling with real-world datasets." },
  { slug: "song-tianyu", name: "宋天宇", title: "SRE 负责人，前 B 站基础设施团队", areas: ["cloud"],
    bio: "负责过大规模线上服务的稳定性保障与可观测性建设，熟悉 Linux、Prometheus 与故障应急。" },
  { slug: "xie-zhiyuan", name: "谢志远", title: "CKA/CKS 认证讲师，云原生技术专家", areas: ["cloud"],
    bio: "参与多家企业的容器化改造与 Kubernetes 平台建设，擅长把复杂的云原生概念讲得通俗易懂。" },
  { slug: "han-lei", name: "韩磊", title: "白帽子安全研究员，前 360 安全专家", areas: ["security"],
    bio: "提交过数十个高危漏洞，长期从事 Web 安全与攻防演练，热衷于安全人才培养。" },
  { slug: "james-whitfield", name: "James Whitfield", title: "Security Consultant, OSCP", areas: ["security"], english: true,
    bio: "James runs penetration tests for banks and SaaS companies and teaches offensive security with hands-on labs." },
  { slug: "tang-xin", name: "唐欣", title: "高级产品总监，前滴滴产品负责人", areas: ["product-design"],
    bio: "十二年互联网产品经验，从 0 到 1 打造过多款用户过千万的产品，擅长需求分析与产品规划。" },
  { slug: "feng-yue", name: "冯悦", title: "资深 UI/UX 设计师，前网易设计中心", areas: ["product-design"],
    bio: "专注移动端与 B 端产品设计，主导过多个设计系统的搭建，熟练使用 Figma 与动效设计工具。" },
  { slug: "olivia-brown", name: "Olivia Brown", title: "Product Design Lead, ex-Airbnb", areas: ["product-design"], english: true,
    bio: "Olivia leads design teams on consumer products and teaches research-driven, systematic product design." },
  { slug: "dong-ning", name: "董宁", title: "用户增长专家，前拼多多增长团队", areas: ["product-design", "career"],
    bio: "操盘过多个百万级用户增长项目，擅长数据驱动的增长实验与私域运营。" },
  { slug: "cheng-jia", name: "程佳", title: "资深 HR 总监，十年技术招聘经验", areas: ["career"],
    bio: "面试过上万名候选人，熟悉互联网大厂招聘流程，帮助数千名学员拿到心仪的 offer。" },
  { slug: "grace-liu", name: "Grace Liu", title: "Business English Coach, Cambridge CELTA", areas: ["career"], english: true,
    bio: "Grace has coached engineers and managers from Chinese tech companies to present, negotiate and write in English with confidence." },
  { slug: "yuan-bo", name: "袁博", title: "ACM-ICPC 亚洲区金牌，算法竞赛教练", areas: ["cs-fundamentals"],
    bio: "大学期间多次获得算法竞赛金牌，后在大厂从事基础架构开发，擅长用图解讲透数据结构与算法。" },
  { slug: "deng-kai", name: "邓凯", title: "操作系统与网络专家，前华为内核工程师", areas: ["cs-fundamentals", "backend"],
    bio: "长期从事 Linux 内核与网络协议栈开发，熟悉 TCP/IP、操作系统原理与性能分析。" },
];
