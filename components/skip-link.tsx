// First focusable element of every shell: keyboard users jump past the navigation.
export const mainContentId = "main-content";

export function SkipLink() {
  return (
    <a href={`#${mainContentId}`} className="skip-link">
      Skip to main content
    </a>
  );
}
