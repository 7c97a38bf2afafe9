// The portal home page's Markdown (portal.homeMarkdown), rendered on the server: `marked` for
// the Markdown with every raw HTML block and tag dropped (the setting says "no HTML"), then
// `sanitize-html` with a short allow-list as a second wall, links only http(s)/mailto.
import "server-only";
import { Marked } from "marked";
import sanitizeHtml from "sanitize-html";

const markdown = new Marked({ gfm: true, async: false, renderer: { html: () => "" } });

const allowed: sanitizeHtml.IOptions = {
  allowedTags: ["h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "strong", "em", "del", "code", "pre", "blockquote", "ul", "ol", "li", "a", "table", "thead", "tbody", "tr", "th", "td"],
  allowedAttributes: { a: ["href", "title"], th: ["align"], td: ["align"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowProtocolRelative: false,
  transformTags: { a: sanitizeHtml.simpleTransform("a", { rel: "noopener noreferrer nofollow" }) },
};

export function renderPortalMarkdown(source: string): string {
  return sanitizeHtml(markdown.parse(source) as string, { ...allowed, allowedAttributes: { ...allowed.allowedAttributes, a: ["href", "title", "rel"] } });
}
