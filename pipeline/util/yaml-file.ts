import { readFile } from 'node:fs/promises';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { BriefsError } from './errors.js';

/** A parsed YAML file that can say where any of its values is: errors name file:line:col. */
export interface YamlFile {
  path: string;
  data: unknown;
  /** Line and column (1-based) of the value at a key path, e.g. ['topics', 2]. */
  placeOf(path: Array<string | number>): { line: number; column: number } | undefined;
}

export async function readYamlFile(path: string): Promise<YamlFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new BriefsError(path, 'cannot read this file');
  }
  return parseYamlText(text, path);
}

export function parseYamlText(text: string, path: string): YamlFile {
  const lineCounter = new LineCounter();
  const document: Document = parseDocument(text, { lineCounter, prettyErrors: false });
  const error = document.errors[0];
  if (error) {
    const place = lineCounter.linePos(error.pos[0]);
    throw new BriefsError(path, `YAML error: ${error.message.split('\n')[0].replace(/ at line \d+, column \d+.*$/, '')}`, { line: place.line, column: place.col });
  }
  return {
    path,
    data: document.toJS(),
    placeOf(keyPath) {
      const node = document.getIn(keyPath, true) as Node | undefined;
      const start = node && (isScalar(node) || isMap(node) || isSeq(node)) ? node.range?.[0] : undefined;
      if (start === undefined) return undefined;
      const place = lineCounter.linePos(start);
      return { line: place.line, column: place.col };
    },
  };
}

/** An error about one value of a YAML file, placed at that value. */
export function yamlError(file: YamlFile, keyPath: Array<string | number>, message: string): BriefsError {
  return new BriefsError(file.path, message, file.placeOf(keyPath) ?? { line: 1, column: 1 });
}
