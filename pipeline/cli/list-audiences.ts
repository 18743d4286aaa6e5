import { relative } from 'node:path';
import { readAudienceSettings, type Audience } from '../audiences/audience.js';

/**
 * The audiences as a table for a person: name (what AUDIENCE= and PUBLICATIONS=brief-<name>
 * take), style, page budget, template and title. The title comes last: Chinese characters are
 * two columns wide, and padding by characters would misalign what follows them.
 */
export function audienceTable(audiences: Audience[]): string[] {
  const rows = [['name', 'style', 'pages', 'template', 'title'], ...audiences.map((a) => [a.name, a.style, String(a.pages), a.template, a.title])];
  const widths = rows[0].slice(0, -1).map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((row) => row.map((cell, i) => (i < widths.length ? cell.padEnd(widths[i]) : cell)).join('  ').trimEnd());
}

/** `make audiences`: every audience in TEMPLATES, and the mistakes of those that cannot be read. */
export async function listAudiences(templatesDir: string): Promise<number> {
  const { audiences, errors } = await readAudienceSettings(templatesDir);
  const folder = relative(process.cwd(), templatesDir) || '.';
  console.log(`${audiences.length} audience(s) in ${folder}/audiences/; build one with make briefs AUDIENCE=<name>, add one with make audience NAME=<name>:`);
  for (const line of audienceTable(audiences)) console.log(`  ${line}`);
  for (const error of errors) console.error(`error: ${error}`);
  return errors.length ? 1 : 0;
}
