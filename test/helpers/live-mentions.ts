import MarkdownIt from "markdown-it";
import type { Token } from "markdown-it";

/** GitHub's Markdown: HTML allowed, tables and strikethrough on (markdown-it's defaults). */
const md = new MarkdownIt({ html: true });

/**
 * Live in a text node, judged more widely than GitHub does so that nothing it pings is missed: an
 * `@` and a login character after anything that cannot end an e-mail's local part; `#` and a digit
 * anywhere (`#12`, `o/r#12`); `GH-12`.
 */
const LIVE = [/(?<![A-Za-z0-9_])@[A-Za-z0-9][A-Za-z0-9-]*(?:\/[\w.-]+)?/g, /#\d+/g, /\bgh-\d+/gi];
/** Characters that must never be echoed: NUL and the other controls but tab and newline, and the bidi controls. */
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

const CANDIDATE = /@[A-Za-z0-9]|#\d|gh-\d|&/i;

function liveIn(text: string): string[] {
  return LIVE.flatMap((re) => [...text.matchAll(re)].map((m) => m[0]));
}

/** HTML as GitHub shows it: comments hidden, tags not text. */
function htmlText(html: string): string[] {
  return html.split(/<!--[\s\S]*?(?:-->|$)|<[^>]*>/);
}

/**
 * The mentions and references in a Markdown text that GitHub would make live: those in text nodes,
 * outside code spans, code blocks and HTML comments. A link's text that names the issue it links to
 * (`[#14](https://github.com/o/r/issues/14)`, the dashboard's rows) is the app's own, and allowed.
 */
export function liveMentions(markdown: string): string[] {
  const found: string[] = [];
  if (INVISIBLE.test(markdown)) found.push(`invisible character ${JSON.stringify(INVISIBLE.exec(markdown)?.[0])}`);
  // Parsing is the costly part: without a candidate in the source (or an entity that may decode to
  // one) nothing can be live.
  if (!CANDIDATE.test(markdown)) return found;
  const walk = (tokens: Token[]) => {
    let run = "";
    let href: string | null = null;
    const flush = () => {
      found.push(...liveIn(run));
      run = "";
    };
    for (const t of tokens) {
      if (t.type === "inline" && t.children) walk(t.children);
      else if (t.type === "html_block" || t.type === "html_inline") {
        flush();
        for (const piece of htmlText(t.content)) found.push(...liveIn(piece));
      } else if (t.type === "text") {
        const own = href !== null && href.endsWith(`/issues/${t.content.slice(1)}`) && /^#\d+$/.test(t.content);
        if (own) continue;
        // Each text node on its own (a node's start is where GitHub starts matching), and joined
        // with its neighbours (escapes may split a token over two nodes).
        found.push(...liveIn(t.content));
        run += t.content;
      } else {
        flush();
        if (t.type === "link_open") href = String(t.attrGet("href") ?? "");
        if (t.type === "link_close") href = null;
        if (t.type === "image" && t.children) walk(t.children);
      }
    }
    flush();
  };
  walk(md.parse(markdown, {}));
  return [...new Set(found)];
}
