export * from "./identity";
export * from "./catalogue";
export * from "./learning";
export * from "./relations";
export * from "./rbac";
export * from "./commerce";
export * from "./search";
export * from "./seckill";
