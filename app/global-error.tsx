"use client";
// The last resort, when even the root layout failed: no translations, no global stylesheet, so it carries its
// own document, minimal inline styles and both languages.
export default function GlobalError({ retry }: { error: unknown; reset: () => void; retry: () => void }) {
  return (
    <html lang="zh-CN">
      <head>
        <title>服务暂时不可用 · The service is temporarily unavailable</title>
        <meta name="robots" content="noindex" />
      </head>
      <body
        style={{
          margin: 0,
          minHeight: "100vh",
          display: "grid",
          placeItems: "center",
          background: "#f7f8fb",
          color: "#111827",
          fontFamily: 'system-ui, -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif',
          lineHeight: 1.6,
        }}
      >
        <main role="alert" style={{ maxWidth: "32rem", padding: "2rem", textAlign: "center" }}>
          <h1 style={{ fontSize: "1.5rem", margin: "0 0 0.25rem" }}>服务暂时不可用</h1>
          <p lang="en" style={{ fontSize: "1.125rem", margin: "0 0 1rem", color: "#4b5563" }}>
            The service is temporarily unavailable
          </p>
          <p style={{ margin: "0 0 0.25rem" }}>请稍后重试。</p>
          <p lang="en" style={{ margin: "0 0 1.5rem", color: "#4b5563" }}>
            Please try again in a moment.
          </p>
          <button
            type="button"
            onClick={() => retry()}
            style={{
              minHeight: 44,
              padding: "0 1.5rem",
              border: 0,
              borderRadius: 10,
              background: "#4338ca",
              color: "#fff",
              font: "inherit",
              fontWeight: 600,
              cursor: "pointer",
            }}
          >
            重试 · <span lang="en">Try again</span>
          </button>
        </main>
      </body>
    </html>
  );
}
