// Entry script: regenerates reports/coverage.md (`node dist/conformance/coverage/write.js`, npm run coverage:write).
import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { coverageReportPath, projectCoverageMarkdown } from './index.js';

const path = coverageReportPath();
const markdown = await projectCoverageMarkdown();
let previous: string | undefined;
try {
  previous = readFileSync(path, 'utf8');
} catch {
  previous = undefined;
}
writeFileSync(path, markdown);
const headline = /\*\*(.+?)\*\*/.exec(markdown)?.[1] ?? '';
process.stdout.write(`${relative(process.cwd(), path)} ${previous === markdown ? 'unchanged' : 'written'}: ${headline}\n`);
