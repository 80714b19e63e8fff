import { defineConfig } from "drizzle-kit";

// Only `drizzle-kit generate` reads this, and it needs no database; migrations are applied by `npm run db:migrate`.
export default defineConfig({
  dialect: "mysql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
  casing: "snake_case",
});
