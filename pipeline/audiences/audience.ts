import { existsSync } from 'node:fs';
import { readdir, readFile, realpath } from 'node:fs/promises';
import { basename, isAbsolute, join, resolve } from 'node:path';
import { BriefsError } from '../util/errors.js';
import { isWithin } from '../util/paths.js';
import { readTopics, type Topics } from './topics.js';
import { readYamlFile, yamlError, type YamlFile } from '../util/yaml-file.js';

export const BLOCKS = ['figures', 'achievements', 'results', 'targets', 'priorities', 'highlights', 'risks', 'more'] as const;
export type BlockName = (typeof BLOCKS)[number];

/** The settings an audience file may have. */
const AUDIENCE_KEYS = ['title', 'subtitle', 'template', 'style', 'pages', 'topics', 'focus', 'quotable', 'blocks', 'figures', 'headings', 'office', 'date', 'mark', 'issue'] as const;
const STYLES = ['modern', 'official'];

/** An error at a key of the file's top level (the key itself, not its value), as file:line:col. */
function keyError(file: YamlFile, text: string, key: string, message: string): BriefsError {
  const lines = text.split(/\r?\n/);
  const at = lines.findIndex((l) => l.startsWith(`${key}:`) || l.startsWith(`"${key}":`) || l.startsWith(`'${key}':`));
  return at >= 0 ? new BriefsError(file.path, message, { line: at + 1, column: 1 }) : yamlError(file, [key], message);
}

/** An audience's brief, as its YAML file describes it. */
export interface Audience {
  name: string;
  file: string;
  title: string;
  subtitle: string;
  /** Template in templates/ that writes the brief. */
  template: string;
  style: string;
  pages: number;
  topics: string[];
  /** Words the brief should cover when the report has them: 自由贸易试验区, 养老金 … */
  focus: string[];
  /** Highlights must carry a figure (a newsroom quotes facts, not intentions). */
  quotable: boolean;
  blocks: BlockName[];
  /** Key figures: the report's headline results, or the figures of the audience's topics. */
  figures: 'headline' | 'topics';
  headings: Record<string, string>;
  /** The masthead of an issued brief: who issues it (编印单位), when (2018年3月1日), its mark
   *  (内部资料, 秘密) and its issue (第3期); null when the audience file does not say. */
  office?: string | null;
  date?: string | null;
  mark?: string | null;
  /** As printed: 第3期. */
  issue?: string | null;
}

/** A date of issue as Chinese documents print it: 2018-03-01 → 2018年3月1日. */
function issueDate(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  const iso = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
  const m = iso.match(/^(\d{4})-(\d{1,2})-(\d{1,2})$/);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

/** Reads and checks one audience file; an unknown topic or block is an error at its line:col. */
/**
 * An audience's template is a file of the templates folder, after following links: a path that
 * leads elsewhere (../../etc/passwd, an absolute path, a link out) would print that file in a brief.
 */
async function checkTemplatePath(templatesDir: string, template: string, error: (message: string) => Error): Promise<void> {
  const root = await realpath(templatesDir).catch(() => resolve(templatesDir));
  const wanted = resolve(root, template);
  if (isAbsolute(template) || !isWithin(wanted, root)) throw error(`template “${template}” must be a file in ${templatesDir}, named relative to it`);
  const real = await realpath(wanted).catch(() => null);
  if (!real || !existsSync(real)) throw error(`template “${template}” is not in ${templatesDir}`);
  if (!isWithin(real, root)) throw error(`template “${template}” links out of ${templatesDir}`);
}

export async function readAudience(path: string, topics: Topics, templatesDir: string): Promise<Audience> {
  const file = await readYamlFile(path);
  const data = file.data as Record<string, any>;
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw yamlError(file, [], 'an audience file maps settings (title, topics, blocks …) to values');
  const list = (key: string): string[] => {
    const value = data[key] ?? [];
    if (!Array.isArray(value)) throw yamlError(file, [key], `“${key}” must be a list, e.g. ${key}: [a, b]`);
    return value.map(String);
  };
  // A misspelt key (subtitel:) or value (style: offical) would otherwise be quietly ignored.
  for (const key of Object.keys(data)) {
    if (!(AUDIENCE_KEYS as readonly string[]).includes(key)) throw keyError(file, await readFile(path, 'utf8'), key, `unknown setting “${key}”; settings are: ${AUDIENCE_KEYS.join(', ')}`);
  }
  if (data.style !== undefined && !STYLES.includes(data.style)) throw yamlError(file, ['style'], `style is ${STYLES.map((x) => `“${x}”`).join(' or ')}`);
  if (data.quotable !== undefined && typeof data.quotable !== 'boolean') throw yamlError(file, ['quotable'], 'quotable is true or false');
  if (data.headings !== undefined && (typeof data.headings !== 'object' || data.headings === null || Array.isArray(data.headings))) throw yamlError(file, ['headings'], 'headings maps block names to headings, e.g. headings: {targets: 今年目标}');
  for (const key of Object.keys(data.headings ?? {})) {
    if (!(BLOCKS as readonly string[]).includes(key)) throw yamlError(file, ['headings', key], `unknown block “${key}” under headings; blocks are: ${BLOCKS.join(', ')}`);
  }
  if (data.issue !== undefined && (!Number.isInteger(data.issue) || data.issue < 1)) throw yamlError(file, ['issue'], 'issue is the number of the issue, e.g. issue: 3 (printed 第3期)');
  if (data.date !== undefined && !(data.date instanceof Date) && !/^\d{4}-\d{1,2}-\d{1,2}$/.test(String(data.date))) throw yamlError(file, ['date'], 'date is the date of issue, e.g. date: 2018-03-01');
  const name = basename(path).replace(/\.ya?ml$/, '');
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) throw new BriefsError(path, 'an audience file name must be lower-case letters, digits and dashes (it names brief-<name>.pdf)');
  const audienceTopics = list('topics');
  audienceTopics.forEach((topic, i) => {
    if (!topics.has(topic)) throw yamlError(file, ['topics', i], `unknown topic “${topic}”; topics are: ${[...topics.keys()].join(', ')}`);
  });
  const blocks = list('blocks');
  blocks.forEach((block, i) => {
    if (!(BLOCKS as readonly string[]).includes(block)) throw yamlError(file, ['blocks', i], `unknown block “${block}”; blocks are: ${BLOCKS.join(', ')}`);
  });
  if (typeof data.title !== 'string' || !data.title.trim()) throw yamlError(file, ['title'], 'an audience needs a title');
  const template = String(data.template ?? 'brief.md.hbs');
  await checkTemplatePath(templatesDir, template, (message) => yamlError(file, ['template'], message));
  const figures = data.figures ?? 'headline';
  if (figures !== 'headline' && figures !== 'topics') throw yamlError(file, ['figures'], 'figures is “headline” or “topics”');
  const pages = Number(data.pages ?? 1);
  if (!Number.isInteger(pages) || pages < 1 || pages > 4) throw yamlError(file, ['pages'], 'pages is a whole number from 1 to 4');
  return {
    name,
    file: path,
    title: data.title.trim(),
    subtitle: String(data.subtitle ?? ''),
    template,
    style: String(data.style ?? 'modern'),
    pages,
    topics: audienceTopics,
    focus: list('focus'),
    quotable: data.quotable === true,
    blocks: blocks as BlockName[],
    figures,
    headings: Object.fromEntries(Object.entries(data.headings ?? {}).map(([k, v]) => [k, String(v)])),
    office: data.office ? String(data.office) : null,
    date: issueDate(data.date),
    mark: data.mark ? String(data.mark) : null,
    issue: data.issue ? `第${data.issue}期` : null,
  };
}

export interface AudienceSettings {
  topics: Topics;
  audiences: Audience[];
  /** One line per file that could not be read; those audiences are left out. */
  errors: string[];
}

/**
 * Topics and audiences for a batch. A broken audience file is reported and left out, so the
 * other briefs are still built; an AUDIENCE that names no file is an error of its own.
 */
export async function readAudienceSettings(templatesDir: string, only?: string): Promise<AudienceSettings> {
  let topics: Topics;
  try {
    topics = await readTopics(templatesDir);
  } catch (error) {
    return { topics: new Map(), audiences: [], errors: [error instanceof BriefsError ? error.oneLine : String(error)] };
  }
  const folder = join(templatesDir, 'audiences');
  const names = (await readdir(folder).catch(() => [])).filter((n) => /\.ya?ml$/.test(n)).sort();
  const chosen = only ? names.filter((n) => n.replace(/\.ya?ml$/, '') === only) : names;
  if (only && chosen.length === 0) {
    throw new BriefsError(folder, `no audience “${only}”; audiences are: ${names.map((n) => n.replace(/\.ya?ml$/, '')).join(', ')} (make audiences lists them; make audience NAME=${only} adds it)`);
  }
  const audiences: Audience[] = [];
  const errors: string[] = [];
  for (const name of chosen) {
    try {
      audiences.push(await readAudience(join(folder, name), topics, templatesDir));
    } catch (error) {
      errors.push(error instanceof BriefsError ? error.oneLine : `${join(folder, name)}: ${String(error)}`);
    }
  }
  return { topics, audiences, errors };
}
