import type { ReactNode } from "react";

type CardProps = {
  /** Rendered as the card's heading and used as its accessible name. */
  title?: ReactNode;
  headingLevel?: 2 | 3;
  actions?: ReactNode;
  className?: string;
  /** "article" for self-contained items (catalogue entries), "section" otherwise. */
  as?: "section" | "article" | "div";
  id?: string;
  children?: ReactNode;
};

export function Card({ title, headingLevel = 2, actions, className, as = "section", id, children }: CardProps) {
  const Tag = as;
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const headingId = id ? `${id}-title` : undefined;
  return (
    <Tag className={["card", className ?? ""].join(" ").trim()} id={id} aria-labelledby={title && headingId ? headingId : undefined}>
      {(title || actions) && (
        <header className="card-header">
          {title && (
            <Heading className="card-title" id={headingId}>
              {title}
            </Heading>
          )}
          {actions && <div className="card-actions">{actions}</div>}
        </header>
      )}
      <div className="card-body">{children}</div>
    </Tag>
  );
}
