// Parse every ```mermaid block of the given Markdown files with Mermaid's own parser
// (mermaid.parse, the grammar GitHub's renderer uses), headless: jsdom stands in for the
// browser globals mermaid reads at import. Exit 0 all parse, 1 a block fails (file:line: error),
// 3 no block found (a page that lost its diagrams must not pass silently).
import { readFileSync } from "node:fs";
import { JSDOM } from "jsdom";

const dom = new JSDOM("<!doctype html><html><body></body></html>");
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const { default: mermaid } = await import("mermaid");
mermaid.initialize({ startOnLoad: false });

let failed = 0, count = 0;
for (const file of process.argv.slice(2)) {
  const lines = readFileSync(file, "utf8").split("\n");
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() !== "```mermaid") continue;
    const start = i + 2, body = [];
    for (i++; i < lines.length && lines[i].trim() !== "```"; i++) body.push(lines[i]);
    count++;
    try {
      const parsed = await mermaid.parse(body.join("\n"));
      console.log(`${file}:${start}: ${parsed.diagramType}`);
    } catch (e) {
      failed++;
      console.error(`${file}:${start}: ${String(e.message || e).split("\n").slice(0, 4).join(" ")}`);
    }
  }
}
console.log(`${count} mermaid block(s) parsed, ${failed} failed`);
process.exit(failed ? 1 : count ? 0 : 3);
