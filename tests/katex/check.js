// Render LaTeX math with the real KaTeX and report every error.
//
// stdin: a JSON array of {"tex": "...", "display": true|false, "origin": "..."}.
// stdout: {"checked": N, "errors": [{"tex", "origin", "message"}]}.
// Exit status 1 when any string fails to render, 2 when the input is not JSON.
"use strict";

const katex = require("katex");

function check(fragments) {
  const errors = [];
  for (const fragment of fragments) {
    try {
      katex.renderToString(fragment.tex, {
        displayMode: Boolean(fragment.display),
        throwOnError: true,
        // Anything KaTeX would only warn about (unknown symbols, text in
        // math mode) is an error here: the output must render cleanly.
        strict: "error",
      });
    } catch (err) {
      errors.push({
        tex: fragment.tex,
        origin: fragment.origin || "",
        message: String(err.message || err),
      });
    }
  }
  return { checked: fragments.length, errors };
}

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", () => {
  let fragments;
  try {
    fragments = JSON.parse(input);
  } catch (err) {
    process.stderr.write(`check.js: stdin is not JSON: ${err.message}\n`);
    process.exit(2);
  }
  const report = check(fragments);
  process.stdout.write(JSON.stringify(report) + "\n");
  process.exit(report.errors.length ? 1 : 0);
});
