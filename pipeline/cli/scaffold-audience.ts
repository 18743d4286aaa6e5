import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { REPO_ROOT } from '../util/repo.js';

/**
 * `make audience NAME=x`: a new audience file made from the default one (leadership), ready to
 * edit. Refuses to overwrite an audience that exists.
 */
const name = process.env.NAME ?? '';
const templatesDir = resolve(process.env.TEMPLATES || join(REPO_ROOT, 'templates'));
const folder = join(templatesDir, 'audiences');
if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) {
  console.error('error: give the audience a name of lower-case letters, digits and dashes: make audience NAME=investors');
  process.exit(2);
}
const target = join(folder, `${name}.yaml`);
if (existsSync(target)) {
  console.error(`error: ${target}: this audience exists already; edit it, or choose another NAME`);
  process.exit(2);
}
await copyFile(join(folder, 'leadership.yaml'), target);
const text = (await readFile(target, 'utf8')).replace(/^# .*\n/, `# ${name}: made from leadership.yaml by \`make audience\`; edit the title, topics, focus and blocks.\n`).replace(/^title: .*$/m, `title: ${name}`);
await writeFile(target, text);
console.log(`${target}: new audience; edit it, then run \`make briefs AUDIENCE=${name}\``);
