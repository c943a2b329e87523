import MarkdownIt, { type Token } from "markdown-it";

/** One line of text as the engine sees it: prose without markup, with its 1-based line in the body. */
export interface TextLine {
  line: number;
  text: string;
}

export type BlockType = "heading" | "paragraph" | "item" | "code" | "row" | "html";

/** A block of the body, flattened out of markdown-it's token stream. */
export interface Block {
  type: BlockType;
  /** 1-based line of the block's first line. */
  line: number;
  /** Plain text of the whole block, lines joined by newlines. */
  text: string;
  lines: TextLine[];
  /** Heading level 1–6 for headings, 0 otherwise. */
  level: number;
  /** Nesting depth of lists around the block. */
  depth: number;
  /** Inside a block quote. */
  quote: boolean;
  /** Task-list item: its checked state. */
  task?: { checked: boolean };
  /** Info string of a fenced code block. */
  lang?: string;
  /** Table header row. */
  header?: boolean;
  /** Item of an ordered list. */
  ordered?: boolean;
}

/**
 * Only block structure and emphasis matter to the engine. Links and images are turned off: the
 * engine needs URLs as text, and those two rules are where markdown-it spends its time on hostile
 * input. The nesting limit bounds the work on deeply nested quotes and lists.
 */
const parser = new MarkdownIt("default", { html: true, linkify: false, typographer: false, maxNesting: 20 }).disable([
  "link",
  "image",
]);

/** Longest text kept per line: longer lines are cut, which keeps every later pass linear. */
export const MAX_LINE = 2000;

export function parseMarkdown(body: string): Token[] {
  return parser.parse(body, {});
}

const TASK = /^\[([ xX])\][ \t]+/;

/** Removes `<!-- … -->` comments (an unclosed one runs to the end) and HTML tags, in one linear pass. */
export function stripHtml(source: string): string {
  let out = "";
  let i = 0;
  while (i < source.length) {
    const lt = source.indexOf("<", i);
    if (lt < 0) {
      out += source.slice(i);
      break;
    }
    out += source.slice(i, lt);
    if (source.startsWith("<!--", lt)) {
      const end = source.indexOf("-->", lt + 4);
      i = end < 0 ? source.length : end + 3;
      continue;
    }
    const next = source.charCodeAt(lt + 1);
    const tagLike = (next >= 65 && next <= 90) || (next >= 97 && next <= 122) || next === 47 || next === 33;
    const gt = tagLike ? source.indexOf(">", lt + 1) : -1;
    const nl = source.indexOf("\n", lt + 1);
    if (gt < 0 || (nl >= 0 && nl < gt)) {
      out += "<";
      i = lt + 1;
      continue;
    }
    i = gt + 1;
  }
  return out;
}

function cut(text: string): string {
  return text.length > MAX_LINE ? text.slice(0, MAX_LINE) : text;
}

/** Inline children to plain text: code spans keep their backticks, HTML and comments go, breaks become newlines. */
function inlineText(token: Token): string {
  const children = token.children ?? [];
  let out = "";
  let inComment = false;
  for (const child of children) {
    switch (child.type) {
      case "text":
        if (!inComment) out += child.content;
        break;
      case "code_inline":
        if (!inComment) out += "`" + child.content + "`";
        break;
      case "softbreak":
      case "hardbreak":
        out += "\n";
        break;
      case "html_inline": {
        // A comment that spans a soft break arrives as an opening tag without its end.
        const content = child.content;
        if (content.startsWith("<!--")) inComment = !content.includes("-->");
        else if (inComment && content.includes("-->")) inComment = false;
        break;
      }
      default:
        break;
    }
  }
  return out;
}

function toLines(text: string, first: number): TextLine[] {
  const lines: TextLine[] = [];
  const parts = text.split("\n");
  for (let i = 0; i < parts.length; i++) {
    const t = cut((parts[i] ?? "").trim());
    if (t) lines.push({ line: first + i, text: t });
  }
  return lines;
}

/** True when the inline token is a line made only of bold text (a pseudo-heading such as `**Scope:**`). */
function boldLead(token: Token): { title: string; rest: string } | null {
  const children = token.children ?? [];
  if (children.length < 3) return null;
  let i = 0;
  while (i < children.length && children[i]!.type === "text" && children[i]!.content.trim() === "") i++;
  if (children[i]?.type !== "strong_open") return null;
  let title = "";
  i++;
  while (i < children.length && children[i]!.type !== "strong_close") {
    const c = children[i]!;
    if (c.type === "softbreak" || c.type === "hardbreak") return null;
    if (c.type === "text" || c.type === "code_inline") title += c.content;
    i++;
  }
  if (i >= children.length) return null;
  i++;
  let rest = "";
  for (; i < children.length; i++) {
    const c = children[i]!;
    if (c.type === "text") rest += c.content;
    else if (c.type === "code_inline") rest += "`" + c.content + "`";
    else if (c.type === "softbreak" || c.type === "hardbreak") rest += "\n";
  }
  return { title: title.trim(), rest };
}

/** True when a bold lead names a section: `**Scope:**`, `**Scope**` alone on its line, `**Scope** : …`. */
function isLeadHeading(lead: { title: string; rest: string }): boolean {
  const firstRest = lead.rest.split("\n")[0] ?? "";
  return lead.title !== "" && (/^\s*:?\s*$/.test(firstRest) || /[:：]$/.test(lead.title) || /^\s*[:：]/.test(lead.rest));
}

/** The walk over markdown-it's tokens: where it is (quotes, lists, tables) and the blocks so far. */
class BlockWalk {
  readonly blocks: Block[] = [];
  private quote = 0;
  private depth = 0;
  private readonly ordered: boolean[] = [];
  private itemOpen = false;
  private row: { line: number; cells: string[]; header: boolean } | null = null;
  private inHead = false;

  private push(b: Omit<Block, "text"> & { text?: string }): void {
    b.text ??= b.lines.length === 1 ? b.lines[0]!.text : b.lines.map((l) => l.text).join("\n");
    this.blocks.push(b as Block);
  }

  /** Tokens that only open or close a quote, a list, an item or a table part. */
  structure(t: Token): void {
    switch (t.type) {
      case "blockquote_open":
        this.quote++;
        break;
      case "blockquote_close":
        this.quote--;
        break;
      case "bullet_list_open":
      case "ordered_list_open":
        this.depth++;
        this.ordered.push(t.type === "ordered_list_open");
        break;
      case "bullet_list_close":
      case "ordered_list_close":
        this.depth--;
        this.ordered.pop();
        break;
      case "list_item_open":
        this.itemOpen = true;
        break;
      case "list_item_close":
        this.itemOpen = false;
        break;
      case "thead_open":
        this.inHead = true;
        break;
      case "thead_close":
        this.inHead = false;
        break;
      case "tr_open":
        this.row = { line: (t.map?.[0] ?? 0) + 1, cells: [], header: this.inHead };
        break;
      default:
        break;
    }
  }

  heading(t: Token, inline: Token | undefined): void {
    const first = (t.map?.[0] ?? 0) + 1;
    const text = inline ? stripHtml(inlineText(inline)).replace(/\s+/g, " ").trim() : "";
    const lines = text ? [{ line: first, text: cut(text) }] : [];
    this.push({ type: "heading", line: first, lines, level: Number(t.tag.slice(1)) || 1, depth: this.depth, quote: this.quote > 0 });
  }

  paragraph(t: Token, inline: Token | undefined): void {
    if (!inline) return;
    const first = (t.map?.[0] ?? 0) + 1;
    const asItem = this.itemOpen;
    this.itemOpen = false;
    const lead = !asItem ? boldLead(inline) : null;
    if (lead && isLeadHeading(lead)) {
      this.leadHeading(lead, first);
      return;
    }
    let text = inlineText(inline);
    let task: { checked: boolean } | undefined;
    if (asItem) {
      const m = TASK.exec(text);
      if (m) {
        task = { checked: m[1] !== " " };
        text = text.slice(m[0].length);
      }
    }
    const lines = toLines(text, first);
    if (!lines.length && !task) return;
    const block: Omit<Block, "text"> = { type: asItem ? "item" : "paragraph", line: first, lines, level: 0, depth: this.depth, quote: this.quote > 0 };
    if (task) block.task = task;
    if (asItem) block.ordered = this.ordered[this.ordered.length - 1] ?? false;
    this.push(block);
  }

  /** A bold lead as a level-7 heading, and the text after it on the same paragraph as a paragraph of its own. */
  private leadHeading(lead: { title: string; rest: string }, first: number): void {
    const firstLine = lead.rest.split("\n")[0] ?? "";
    const firstRest = firstLine.replace(/^\s*[:：]\s*/, "");
    this.push({ type: "heading", line: first, lines: [{ line: first, text: cut(lead.title) }], level: 7, depth: this.depth, quote: this.quote > 0 });
    const restLines = toLines(stripHtml(firstRest + lead.rest.slice(firstLine.length)), first);
    if (restLines.length) this.push({ type: "paragraph", line: restLines[0]!.line, lines: restLines, level: 0, depth: this.depth, quote: this.quote > 0 });
  }

  code(t: Token): void {
    const first = (t.map?.[0] ?? 0) + 1 + (t.type === "fence" ? 1 : 0);
    const lang = t.type === "fence" ? t.info.trim().split(/\s+/)[0]?.toLowerCase() ?? "" : "";
    const raw = t.content.length > 16 * MAX_LINE ? t.content.slice(0, 16 * MAX_LINE) : t.content;
    const lines = raw
      .split("\n")
      .map((s: string, i: number) => ({ line: first + i, text: cut(s) }))
      .filter((l: TextLine) => l.text.trim() !== "");
    this.push({ type: "code", line: first, lines, text: raw, level: 0, depth: this.depth, quote: this.quote > 0, lang });
  }

  html(t: Token): void {
    const first = (t.map?.[0] ?? 0) + 1;
    const lines = toLines(stripHtml(t.content), first);
    if (lines.length) this.push({ type: "html", line: first, lines, level: 0, depth: this.depth, quote: this.quote > 0 });
  }

  /** Inline content outside headings and paragraphs: a table cell. */
  cell(t: Token): void {
    if (this.row) this.row.cells.push(stripHtml(inlineText(t)).trim());
  }

  endRow(): void {
    const row = this.row;
    if (!row) return;
    const text = cut(row.cells.join(" | "));
    const lines = [{ line: row.line, text }];
    if (row.cells.some((c) => c !== "")) this.push({ type: "row", line: row.line, lines, level: 0, depth: this.depth, quote: this.quote > 0, header: row.header });
    this.row = null;
  }
}

/**
 * Flattens the body into blocks. Bold-only lines become level-7 headings; the text that follows a
 * bold lead on the same paragraph becomes a paragraph of its own.
 */
export function toBlocks(body: string): Block[] {
  const tokens = parseMarkdown(body);
  const walk = new BlockWalk();
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    switch (t.type) {
      case "heading_open":
        // The heading's inline content and its closing token are read here.
        walk.heading(t, tokens[k + 1]);
        k += 2;
        break;
      case "paragraph_open":
        walk.paragraph(t, tokens[k + 1]);
        k += 2;
        break;
      case "fence":
      case "code_block":
        walk.code(t);
        break;
      case "html_block":
        walk.html(t);
        break;
      case "inline":
        walk.cell(t);
        break;
      case "tr_close":
        walk.endRow();
        break;
      default:
        walk.structure(t);
        break;
    }
  }
  return walk.blocks;
}
