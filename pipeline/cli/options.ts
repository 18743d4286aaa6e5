import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { parseFormats, SelectionError, type Format } from '../batch/selection.js';
import { patchesOff, type PatchSettings } from '../patches/guard.js';
import { REPO_ROOT } from '../util/repo.js';

/** What the command line asks for: a build (no argument), the help, or the list of audiences. */
export type Command = 'build' | 'help' | 'audiences';

/** Everything `make briefs` takes from the environment and its arguments, read once here and passed down. */
export interface BriefsOptions {
  command: Command;
  /** SOURCE: a folder of reports, or one report. */
  source: string;
  /** OUT: where the publications go. */
  outDir: string;
  /** TEMPLATES: another templates folder (a copy to edit); default the repo's own. */
  templatesDir: string;
  /** AUDIENCE: build the briefs of this audience only. */
  audience?: string;
  /** FORMATS: the files each publication is written as (default all: pdf, docx, html). */
  formats: Format[];
  /** PUBLICATIONS: the words given, checked against the publications once the audiences are read; none: all. */
  publications?: string;
  /** JOBS: how many threads build (default the cores); more than one, worker threads do. */
  jobs: number;
  /** BRIEFS_WORKER_HEAP_MIB: a worker thread's old-generation cap (the tests make it small). */
  workerHeapMiB: number;
  /** SOURCE_DATE_EPOCH: the date written into documents, in seconds. */
  sourceDateEpoch?: number;
  /** DEBUG=1: stack traces with errors; patches that stay off say why. */
  debug: boolean;
  /** BRIEFS_PATCHES=off (all) or off:name,…: patches to leave off. */
  patches: PatchSettings;
  /** BRIEFS_CODE_CACHE=write: `make` builds once to make the code cache. */
  writeCodeCache: boolean;
  /** SHARD=k/n as written: build the k-th of n shards of SOURCE (checked by the command). */
  shard?: string;
  /** `make gallery`: build no report; write the comparisons, series and index from what OUT holds. */
  galleryOnly: boolean;
}

/**
 * A worker thread's old generation, in MiB. V8 sizes its collections by this cap: at 192 MiB a
 * batch made a third more full collections than at 1024 MiB, and took 6 % longer. A task that
 * needs more fails, naming its report (see run-tasks.ts).
 */
const WORKER_HEAP_MIB = 1024;

/** A value or argument the command does not accept; the message says what it does. */
export class OptionError extends SelectionError {}

const COMMANDS: Record<string, Command> = { '--help': 'help', '-h': 'help', help: 'help', '--audiences': 'audiences', audiences: 'audiences' };

/** The command its arguments name: none builds; anything unknown is an error saying what is accepted. */
export function readCommand(argv: string[]): Command {
  if (argv.length === 0) return 'build';
  const command = argv.length === 1 ? COMMANDS[argv[0]] : undefined;
  if (!command) {
    throw new OptionError(`unknown argument ${argv.map((a) => `“${a}”`).join(' ')}; the command takes --help or audiences, and its settings as variables (make briefs FORMATS=pdf PUBLICATIONS=summary; see make help)`);
  }
  return command;
}

/** JOBS: a whole number of threads, or unset for the cores. */
function readJobs(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return availableParallelism();
  if (!/^\s*[1-9]\d*\s*$/.test(value)) throw new OptionError(`JOBS=${value}: give a whole number of threads, 1 or more (default the number of cores, here ${availableParallelism()})`);
  return Number(value);
}

/** SOURCE_DATE_EPOCH: whole seconds since 1970, or unset for the report's year. */
function readEpoch(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  if (!/^\s*\d+\s*$/.test(value)) throw new OptionError(`SOURCE_DATE_EPOCH=${value}: give whole seconds since 1970, such as 1520000000 (date +%s prints now); unset, documents carry Jan 1 of the report's year`);
  return Number(value);
}

export function readOptions(env: NodeJS.ProcessEnv, argv: string[] = []): BriefsOptions {
  const debug = env.DEBUG === '1';
  return {
    command: readCommand(argv),
    formats: parseFormats(env.FORMATS),
    publications: env.PUBLICATIONS?.trim() || undefined,
    source: env.SOURCE || 'source',
    outDir: env.OUT || 'out',
    templatesDir: resolve(env.TEMPLATES || join(REPO_ROOT, 'templates')),
    audience: env.AUDIENCE || undefined,
    jobs: readJobs(env.JOBS),
    workerHeapMiB: Number(env.BRIEFS_WORKER_HEAP_MIB) || WORKER_HEAP_MIB,
    sourceDateEpoch: readEpoch(env.SOURCE_DATE_EPOCH),
    debug,
    patches: { off: patchesOff(env.BRIEFS_PATCHES), debug },
    writeCodeCache: env.BRIEFS_CODE_CACHE === 'write',
    shard: env.SHARD || undefined,
    galleryOnly: env.BRIEFS_GALLERY === '1',
  };
}
