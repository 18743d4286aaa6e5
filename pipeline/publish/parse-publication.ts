import { existsSync, readFileSync } from 'node:fs';
import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { BriefsError } from '../util/errors.js';
import { keepSafeLinks } from './safe-links.js';

/** What a publication's front matter may set. */
export interface PublicationMeta {
  title: string;
  subtitle?: string;
  /** Running head on every page. */
  header?: string;
  /** Page style: `modern` (default) or `official` (GB/T 9704). */
  style?: string;
  /** Document properties. */
  subject?: string;
  keywords?: string[];
  /** Other settings: density (compact), band (title on a coloured band). */
  [key: string]: unknown;
}

/** The subtitle lines of the front matter (`subtitle:` one line, or a list). */
export function subtitlesOf(meta: PublicationMeta): string[] {
  const subtitle = meta.subtitle as unknown;
  return Array.isArray(subtitle) ? subtitle.map(String) : subtitle ? [String(subtitle)] : [];
}

export interface Publication {
  tree: Root;
  meta: PublicationMeta;
}

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);

/** What front matter may say, and the values some settings take. */
const META_KEYS = ['title', 'subtitle', 'header', 'style', 'density', 'band', 'subject', 'keywords'];
const META_VALUES: Record<string, unknown[]> = { style: ['modern', 'official'], density: ['compact', 'normal'], band: [true, false] };

/** The line of the template where a front-matter key is written, for an error that names it. */
function templateLineOf(file: string, key: string): number | undefined {
  if (!existsSync(file)) return undefined;
  const at = readFileSync(file, 'utf8').split(/\r?\n/).findIndex((l) => new RegExp(`^\\s*${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*:`).test(l));
  return at >= 0 ? at + 1 : undefined;
}

/** A misspelt key (subtitel:) or value (style: offical) is an error, not quietly ignored. */
function checkMeta(meta: Record<string, unknown>, file: string): void {
  for (const [key, value] of Object.entries(meta)) {
    const line = templateLineOf(file, key);
    if (!META_KEYS.includes(key)) throw new BriefsError(file, `front matter: unknown key “${key}”; keys are: ${META_KEYS.join(', ')}`, { line, column: line ? 1 : undefined });
    const allowed = META_VALUES[key];
    if (allowed && value !== undefined && value !== null && !allowed.includes(value)) throw new BriefsError(file, `front matter: ${key} is ${allowed.map((v) => `“${v}”`).join(' or ')}, not “${String(value)}”`, { line, column: line ? 1 : undefined });
  }
}

/** Parses a rendered template (Markdown with YAML front matter) into the publication tree. */
export function parsePublication(markdown: string, file: string): Publication {
  const tree = processor.parse(markdown) as Root;
  let meta: PublicationMeta = { title: '' };
  const first = tree.children[0];
  if (first?.type === 'yaml') {
    try {
      const parsed = parseYaml(first.value) ?? {};
      if (typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('front matter must be a mapping of keys to values');
      meta = { title: '', ...parsed };
    } catch (error) {
      const line = error instanceof YAMLParseError ? (error.linePos?.[0].line ?? 0) + 1 : 2;
      throw new BriefsError(file, `front matter: ${(error as Error).message.split('\n')[0]}`, { line });
    }
    checkMeta(meta, file);
    tree.children.shift();
  }
  keepSafeLinks(tree);
  return { tree, meta };
}
