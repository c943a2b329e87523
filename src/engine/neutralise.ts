/**
 * Makes user text safe to echo in a comment: `@mentions`, team mentions, issue references and URLs go
 * into code spans so they neither ping anyone nor cross-link another issue, and Markdown and HTML are
 * escaped so an excerpt cannot change the layout of the comment around it.
 */

/**
 * Never echoed: NUL and the other C0 and C1 controls (tabs and line breaks become spaces before),
 * and the bidi controls, which make echoed text read differently from what it is ("Trojan Source").
 * Stripped before tokens are matched, so that removing them cannot join two halves of a mention.
 */
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** A login, optionally with a team (`@org/team`); GitHub logins are at most 39 characters. */
const MENTION = String.raw`@[A-Za-z0-9][A-Za-z0-9-]{0,38}(?:\/[A-Za-z0-9._-]{1,100})?`;
/** `#12`, `owner/repo#12`, `GH-12`: GitHub links them whatever comes before the `#`. */
const REFERENCE = String.raw`(?:[A-Za-z0-9_.-]{1,100}\/[A-Za-z0-9_.-]{1,100})?#\d{1,10}|[Gg][Hh]-\d{1,10}`;
const URL = String.raw`https?:\/\/[^\s<>]{1,500}`;
const TOKENS = new RegExp(`${MENTION}|${REFERENCE}|${URL}`, "g");
/** What a mention must not follow to count: a login or e-mail character ("bob@example.com"). */
const WORD_BEFORE = /[A-Za-z0-9_]/;

/** `excerpt` marks a cut with this: a token right before it may be a cut login, issue or team. */
const CUT = "…";

function escapeMarkdown(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/([\\*_[\]|~!#{}])/g, "\\$1");
}

export function neutralise(text: string): string {
  // Backticks go first (an excerpt reads better without them): a token written in a code span is
  // then matched and wrapped like any other, rather than skipped and left live once they are gone.
  const plain = text.replace(/\s+/g, " ").replace(CONTROLS, "").replace(/`/g, "");
  const tokens = new RegExp(TOKENS);
  let out = "";
  let last = 0;
  let afterToken = false;
  for (let m = tokens.exec(plain); m; m = tokens.exec(plain)) {
    const token = m[0];
    // A mention right after a login character is no mention (an e-mail address), except right after
    // a code span: there it starts a text node of its own, where GitHub sees it (`#1@bob`).
    const atNodeStart = afterToken && m.index === last;
    if (token.startsWith("@") && m.index > 0 && !atNodeStart && WORD_BEFORE.test(plain[m.index - 1]!)) {
      tokens.lastIndex = m.index + 1;
      continue;
    }
    out += escapeMarkdown(plain.slice(last, m.index));
    last = m.index + token.length;
    // A mention or reference cut short names another account or issue (`@admin-ad` for
    // `@admin-ada`): it is left out, the ellipsis says something was.
    const cut = plain.startsWith(CUT, last) && !token.startsWith("http");
    if (!cut) out += "`" + token + "`";
    afterToken = !cut;
  }
  out += escapeMarkdown(plain.slice(last));
  return out;
}

function longestRun(text: string, char: string): number {
  let longest = 0;
  let run = 0;
  for (const c of text) {
    run = c === char ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  return longest;
}

/**
 * Text shown as it is, in a code span (nothing in it pings or links): on one line, without controls,
 * and between more backticks than any run of them inside, so that no text can close it early.
 */
export function codeSpan(text: string): string {
  const plain = text.replace(/\s+/g, " ").replace(CONTROLS, "");
  // Two backticks with nothing between are no code span: they would pair with a later run.
  if (plain === "") return "` `";
  const fence = "`".repeat(longestRun(plain, "`") + 1);
  // A space on each side keeps a backtick at either end apart from the fence; CommonMark drops them.
  const pad = plain.startsWith("`") || plain.endsWith("`") ? " " : "";
  return `${fence}${pad}${plain}${pad}${fence}`;
}

/** Lines shown as they are, in a fenced code block that no line of the text can close. */
export function codeBlock(text: string, info = "", minFence = 3): string {
  const plain = text.replace(/\r\n?/g, "\n").replace(/\t/g, "  ").replace(CONTROLS, (c) => (c === "\n" ? c : ""));
  const fence = "`".repeat(Math.max(minFence, longestRun(plain, "`") + 1));
  return `${fence}${info}\n${plain}\n${fence}`;
}
