import { readFile, stat } from 'node:fs/promises';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { BriefsError } from './errors.js';

/** A parsed YAML file that can say where any of its values is: errors name file:line:col. */
export interface YamlFile {
  path: string;
  data: unknown;
  /** Line and column (1-based) of the value at a key path, e.g. ['topics', 2]. */
  placeOf(path: Array<string | number>): { line: number; column: number } | undefined;
}

/** Settings files are a few KiB; one of megabytes is not a settings file, and parsing it could exhaust memory. */
export const MAX_SETTINGS_BYTES = 1024 * 1024;

/** Reads a settings file (YAML, a template) whole, once its size and type are known to be sane. */
export async function readSettingsText(path: string, what = 'file'): Promise<string> {
  const info = await stat(path).catch(() => null);
  if (!info) throw new BriefsError(path, `cannot read this ${what}`);
  if (!info.isFile()) throw new BriefsError(path, `this ${what} is not a regular file`);
  if (info.size > MAX_SETTINGS_BYTES) throw new BriefsError(path, `this ${what} is ${(info.size / 1024 / 1024).toFixed(1)} MiB, over the ${MAX_SETTINGS_BYTES / 1024 / 1024} MiB a settings file may be`);
  try {
    return await readFile(path, 'utf8');
  } catch {
    throw new BriefsError(path, `cannot read this ${what}`);
  }
}

export async function readYamlFile(path: string): Promise<YamlFile> {
  return parseYamlText(await readSettingsText(path), path);
}

export function parseYamlText(text: string, path: string): YamlFile {
  const lineCounter = new LineCounter();
  const document: Document = parseDocument(text, { lineCounter, prettyErrors: false, logLevel: 'error' });
  const error = document.errors[0];
  if (error) {
    const place = lineCounter.linePos(error.pos[0]);
    throw new BriefsError(path, `YAML error: ${error.message.split('\n')[0].replace(/ at line \d+, column \d+.*$/, '')}`, { line: place.line, column: place.col });
  }
  let data: unknown;
  try {
    // Aliases are resolved here: one naming no anchor, or too many of them (a billion laughs), fails.
    data = document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    throw new BriefsError(path, `YAML error: ${(error as Error).message.split('\n')[0]}`, { line: 1, column: 1 });
  }
  return {
    path,
    data,
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
