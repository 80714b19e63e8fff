// A bare Next.js app of the same version as Xuefu, built and served by the benchmarks as the framework's floor.
/** @type {import('next').NextConfig} */
module.exports = { distDir: process.env.NEXT_DIST_DIR || ".next", poweredByHeader: false };
