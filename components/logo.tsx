/** The Portcullis wordmark: an inline SVG gate, no external assets. */
export function Logo({ subtitle }: { subtitle?: string }) {
  return (
    <span className="logo">
      <svg className="logo-mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
        <rect width="32" height="32" rx="7" fill="currentColor" />
        <path d="M8 26V12a8 8 0 0 1 16 0v14" fill="none" stroke="#fff" strokeWidth="2.5" />
        <path d="M12 10v16M16 8v18M20 10v16M8 16h16M8 21h16" stroke="#fff" strokeWidth="1.8" />
      </svg>
      <span className="logo-text">
        Portcullis
        {subtitle && <span className="logo-subtitle">{subtitle}</span>}
      </span>
    </span>
  );
}
