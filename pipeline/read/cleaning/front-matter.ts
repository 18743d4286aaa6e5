import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { parseYamlText } from '../../util/yaml-file.js';
import { lineNodes } from './lines.js';

declare module 'vfile' {
  interface DataMap {
    /** What YAML front matter at the top of the report says (issuer, year). */
    frontMatter: Record<string, unknown>;
  }
}

/** How far down the closing --- of front matter may be. */
const MAX_FRONT_MATTER_LINES = 40;

/** YAML front matter (--- issuer: … year: … ---) says who issued the report and when; it is not report text. */
export function readYamlFrontMatter() {
  return (tree: Root, file: VFile) => {
    const lines = lineNodes(tree);
    if (lines[0]?.value.trim() !== '---') return;
    const close = lines.findIndex((l, i) => i > 0 && i < MAX_FRONT_MATTER_LINES && l.value.trim() === '---');
    if (close < 0) return;
    const yaml = lines.slice(1, close).map((l) => l.value).join('\n');
    const data = parseYamlText(yaml, file.path).data;
    file.data.frontMatter = data && typeof data === 'object' ? (data as Record<string, unknown>) : {};
    for (const line of lines.slice(0, close + 1)) line.data.dropped = 'front-matter';
  };
}
