import { excerpt } from "../../src/engine/text.js";
import { neutralise } from "../../src/engine/neutralise.js";

describe("neutralise: mentions and references written in code spans", () => {
  test.each([
    // The attack's title: each token was echoed live once its backticks were dropped.
    ["title with `@admin-ada` `@e2e-org/platform`", "title with `@admin-ada` `@e2e-org/platform`"],
    ["Blocked by `#1`", "Blocked by `#1`"],
    ["``@alice`` and ```o/r#7```", "`@alice` and `o/r#7`"],
    ["a `GH-9` ref", "a `GH-9` ref"],
    // After a code span a mention starts a text node of its own, where GitHub sees it.
    ["#1@bob@carol", "`#1``@bob``@carol`"],
    ["an e-mail stays as it is: x`@example.com", "an e-mail stays as it is: x@example.com"],
  ])("%s", (input, output) => {
    expect(neutralise(input)).toBe(output);
  });
});

describe("neutralise: truncation", () => {
  test("a login cut by an excerpt is left out, never shown as another account", () => {
    const title = `${"x".repeat(85)} @admin-ada`;
    const cut = excerpt(`title: ${title}`);
    expect(cut.endsWith("@admin…")).toBe(true);
    expect(neutralise(cut)).toBe(`title: ${"x".repeat(85)} …`);
  });

  test.each([
    ["see #1234…", "see …"],
    ["team @org/platfo…", "team …"],
    // A URL cut short is still inert in its code span, and still says where it pointed.
    ["https://example.com/pa…", "`https://example.com/pa…`"],
  ])("%s", (input, output) => {
    expect(neutralise(input)).toBe(output);
  });
});

describe("neutralise: control characters", () => {
  test("NUL, other controls and bidi overrides are stripped", () => {
    expect(neutralise("a\u0000b\u0007c\u009b")).toBe("abc");
    expect(neutralise("abc\u202Edcba\u202C \u2066x\u2069 \u200Fy\u061C")).toBe("abcdcba x y");
  });

  test("stripping them cannot join a mention that then goes live", () => {
    expect(neutralise("x@\u0000bob")).toBe("x@bob");
    expect(neutralise("\u202E@bob")).toBe("`@bob`");
    expect(neutralise("#\u200E12")).toBe("`#12`");
  });
});
