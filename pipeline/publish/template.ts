import Handlebars from 'handlebars';
import { BriefsError } from '../util/errors.js';
import { escapeMarkdown } from './markdown-escape.js';

type Ast = ReturnType<typeof Handlebars.parse>;

/** Calls `enter` on every statement of a template, depth first; `enter` returns true to skip a node's children. */
function walkStatements(program: Ast, enter: (node: any) => boolean | void): void {
  const visit = (node: any): void => {
    if (!node || typeof node !== 'object' || enter(node)) return;
    for (const key of ['body', 'program', 'inverse']) {
      const child = node[key];
      if (Array.isArray(child)) child.forEach(visit);
      else if (child) visit(child);
    }
  };
  visit(program);
}

/**
 * Handlebars' strict mode checks a mustache's own path, not the paths given to a helper or a
 * block (`{{#if ocasion}}`, `{{#each summary.sectons}}`, `{{length paragraph}}` printed nothing):
 * marking every such path strict makes a misspelt field an error there too, with its line:col.
 * `this` and `.` name the context itself and are left alone.
 */
function strictArguments(program: Ast): Ast {
  const mark = (node: any): void => {
    if (!node || typeof node !== 'object') return;
    if (node.type === 'PathExpression') {
      if (node.parts.length > 0) node.strict = true;
      return;
    }
    if (node.type === 'SubExpression') {
      node.params.forEach(mark);
      node.hash?.pairs.forEach((pair: any) => mark(pair.value));
    }
  };
  walkStatements(program, (node) => {
    if (node.type === 'MustacheStatement' || node.type === 'BlockStatement' || node.type === 'SubExpression') {
      node.params?.forEach(mark);
      node.hash?.pairs.forEach((pair: any) => mark(pair.value));
    }
  });
  return program;
}

/**
 * The charts a report may have, each absent from `charts` when the report gives no data for it:
 * present as null, so `{{#if charts.growth}}` asks whether there is one while a misspelt chart
 * name is an error like any other field.
 */
const CHART_NAMES = ['industryStructure', 'growth', 'targets', 'targetsReview'];

function withAllCharts(context: object): object {
  const charts = (context as { charts?: unknown }).charts;
  if (!charts || typeof charts !== 'object') return context;
  return { ...context, charts: { ...Object.fromEntries(CHART_NAMES.map((name) => [name, null])), ...charts } };
}

/**
 * `{{value}}` in a Markdown template must escape for Markdown, not HTML. Handlebars' escaping is
 * global to the library, so instead every escaped mustache is rewritten to `{{md value}}` in the
 * template's syntax tree before compiling; `{{{value}}}` stays raw, as in HTML templates.
 */
function escapeForMarkdown(program: Ast): Ast {
  walkStatements(program, (node) => {
    if (node.type === 'MustacheStatement' && node.escaped) {
      const inner = node.params.length || (node.hash && node.hash.pairs.length)
        ? { type: 'SubExpression', path: node.path, params: node.params, hash: node.hash, loc: node.loc }
        : { ...node.path, strict: true };
      // Handlebars checks only a mustache's own path in strict mode, not a helper's arguments:
      // marking the moved path strict keeps “missing field” an error, with its line:col.
      node.path = { type: 'PathExpression', data: false, depth: 0, parts: ['md'], original: 'md', loc: node.loc };
      node.params = [inner];
      node.hash = undefined;
      node.escaped = false;
      return true;
    }
  });
  return program;
}

const HELPERS: Record<string, Handlebars.HelperDelegate> = {
  // A helper that returns a SafeString has already written Markdown (or YAML): leave it as it is.
  md: (value: unknown) => (value instanceof Handlebars.SafeString ? value.toString() : escapeMarkdown(value)),
  /** A value as a YAML scalar, for front matter: `title: {{yaml title}}`. */
  yaml: (value: unknown) => new Handlebars.SafeString(JSON.stringify(value ?? null)),
  eq: (a: unknown, b: unknown) => a === b,
  ne: (a: unknown, b: unknown) => a !== b,
  gt: (a: number, b: number) => a > b,
  and: (...args: unknown[]) => args.slice(0, -1).every(Boolean),
  or: (...args: unknown[]) => args.slice(0, -1).some(Boolean),
  not: (a: unknown) => !a,
  /** `{{hashes 3}}` → ### (a heading of that depth). */
  hashes: (depth: number) => new Handlebars.SafeString('#'.repeat(Math.max(1, Math.min(6, Number(depth))))),
  /** ¶ reference: `{{para 12}}` → ¶12. */
  para: (n: number) => new Handlebars.SafeString(`¶${n}`),
  /** First `count` items of a list. */
  take: (list: unknown[], count: number) => (Array.isArray(list) ? list.slice(0, count) : []),
  /** The number as the report writes it: no thousands separators, no trailing zeros. */
  num: (value: number) => (typeof value === 'number' ? String(Number(value.toFixed(4))) : String(value)),
  length: (list: unknown[]) => (Array.isArray(list) ? list.length : 0),
  add: (a: number, b: number) => Number(a) + Number(b),
  /** Joins the values that are there with a separator: `(join "　" audience.mark audience.issue)`. */
  join: (separator: unknown, ...args: unknown[]) => args.slice(0, -1).filter((a) => a !== null && a !== undefined && a !== '').map(String).join(String(separator)),
  /** Joins its arguments into one string: `(concat title " · 摘要")`. */
  concat: (...args: unknown[]) => args.slice(0, -1).map((a) => String(a ?? '')).join(''),
};

/** Location Handlebars puts in its messages: “Parse error on line 3:” or “… - 3:14”. */
function locationOf(error: any): { line?: number; column?: number } {
  if (typeof error?.lineNumber === 'number') return { line: error.lineNumber, column: (error.column ?? 0) + 1 };
  const parse = String(error?.message ?? '').match(/on line (\d+)/);
  if (parse) return { line: Number(parse[1]) };
  const strict = String(error?.message ?? '').match(/ - (\d+):(\d+)$/);
  if (strict) return { line: Number(strict[1]), column: Number(strict[2]) + 1 };
  return {};
}

function firstLine(message: string): string {
  const lines = message.split('\n').map((l) => l.trim()).filter(Boolean);
  const expecting = lines.find((l) => l.startsWith('Expecting') || l.startsWith('Expected'));
  const head = lines[0]
    .replace(/ - \d+:\d+$/, '')
    .replace(/^"(.+)" not defined in .*$/, 'no field “$1” in the data here (templates are strict: check the name)')
    .replace(/^(\S+) doesn't match (\S+)$/, 'blocks do not match: {{#$1}} is closed by {{/$2}}');
  return expecting && head.startsWith('Parse error') ? `syntax error: ${expecting.replace(/'/g, '')}` : head;
}

export type RenderTemplate = (context: object) => string;

/**
 * Compiles a Markdown template (strict: a missing field is an error, named with its
 * file:line:col). Partials are registered on a private Handlebars environment.
 */
export function compileTemplate(source: string, file: string, partials: Record<string, string> = {}): RenderTemplate {
  const env = Handlebars.create();
  env.registerHelper(HELPERS);
  const compileOne = (text: string, name: string) => {
    try {
      return env.compile(escapeForMarkdown(strictArguments(env.parse(text))), { strict: true, noEscape: true });
    } catch (error) {
      throw new BriefsError(name, firstLine((error as Error).message), locationOf(error));
    }
  };
  for (const [name, text] of Object.entries(partials)) env.registerPartial(name, compileOne(text, `${name} (partial)`));
  const render = compileOne(source, file);
  return (context: object) => {
    try {
      return render(withAllCharts(context));
    } catch (error) {
      throw new BriefsError(file, firstLine((error as Error).message), locationOf(error));
    }
  };
}
