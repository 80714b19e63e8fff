// A bare Next.js app of the same version as Xuefu, built and served by the benchmarks as the framework's floor.
// The benchmark copies it out of the repository (with node_modules hard-linked beside it), and turbopack.root
// pins the build to that copy: otherwise Turbopack takes the repository as its root and compiles Xuefu's own
// middleware.ts and instrumentation.ts into the bare app.
/** @type {import('next').NextConfig} */
module.exports = { poweredByHeader: false, turbopack: { root: __dirname } };
