import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, open, readdir, readFile, rm } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { dirname, join } from 'node:path';
import { writeFileAtomic } from '../util/atomic-write.js';
import { BriefsError, writeError } from '../util/errors.js';
import { REPO_ROOT } from '../util/repo.js';
import { isRunning } from '../util/processes.js';

/**
 * What a build of OUT was made from, kept in OUT/.briefs/manifest.json: for each report, the
 * hash of its source and, per output, the hash of everything that output depends on. A second
 * `make briefs` rebuilds only outputs whose inputs changed.
 */
export interface OutputRecord {
  key: string;
  /** Relative to OUT, so two OUTs built alike hold the same manifest. */
  files: string[];
  /** Why the output could not be made (a template error): the gallery says so; the next build tries again. */
  error?: string;
}

export interface ReportRecord {
  sourceHash: string;
  issuer: string | null;
  year: number | null;
  outputs: Record<string, OutputRecord>;
}

export interface Manifest {
  version: 1;
  reports: Record<string, ReportRecord>;
}

export const manifestPath = (outDir: string) => join(outDir, '.briefs', 'manifest.json');

export async function readManifest(outDir: string): Promise<Manifest> {
  try {
    const data = JSON.parse(await readFile(manifestPath(outDir), 'utf8'));
    if (data?.version === 1 && data.reports && typeof data.reports === 'object') return data;
  } catch {
    // No manifest, or a broken one: everything is built.
  }
  return { version: 1, reports: {} };
}

/** A record's entries in the order of their names. */
function byName<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Writes the manifest, reports and outputs in name order: threads finish in no fixed order. */
export async function writeManifest(outDir: string, manifest: Manifest): Promise<void> {
  const reports = byName(manifest.reports);
  for (const [slug, record] of Object.entries(reports)) reports[slug] = { ...record, outputs: byName(record.outputs) };
  await writeFileAtomic(manifestPath(outDir), `${JSON.stringify({ ...manifest, reports }, null, 1)}\n`);
}

const LOCK_WAIT_MS = 60_000;

/** Takes OUT's manifest lock (a file created exclusively, holding the owner's pid), waiting for another build to let go. */
async function lockManifest(outDir: string): Promise<() => Promise<void>> {
  const lock = join(outDir, '.briefs', 'manifest.lock');
  await mkdir(dirname(lock), { recursive: true });
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await open(lock, 'wx');
      try {
        await handle.writeFile(String(process.pid));
      } catch (error) {
        // A lock without its owner's pid (the disk is full) would hold up every build: it goes.
        await rm(lock, { force: true });
        throw writeError(error, lock);
      } finally {
        await handle.close();
      }
      return () => rm(lock, { force: true });
    } catch (error) {
      if (error instanceof BriefsError) throw error;
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // A lock whose owner died (kill -9) is taken over; one being written has no pid yet.
      const owner = Number(await readFile(lock, 'utf8').catch(() => ''));
      if (owner && !isRunning(owner)) await rm(lock, { force: true });
      else if (Date.now() - started > LOCK_WAIT_MS) throw new Error(`${lock}: another build has held the manifest for a minute; if none is running, remove this file`);
      else await sleep(Math.min(5 * 2 ** attempt, 100));
    }
  }
}

/**
 * Reads, changes and writes the manifest under OUT's lock, so that builds finishing at once —
 * jobs of one batch, or two batches into one OUT — each keep their entries.
 */
export async function updateManifest(outDir: string, change: (manifest: Manifest) => void): Promise<void> {
  const unlock = await lockManifest(outDir);
  try {
    const manifest = await readManifest(outDir);
    change(manifest);
    await writeManifest(outDir, manifest);
  } finally {
    await unlock();
  }
}

/** How long a batch's records may wait to be written (see ManifestRecords). */
const RECORD_EVERY_MS = 5_000;

/**
 * Records what a batch's tasks wrote, a few seconds' worth at a time. The manifest is read and
 * written whole: written after every task, a batch's work on it grew with the square of the
 * batch (a thousand reports hold a manifest of megabytes, rewritten six thousand times), and so
 * did the garbage it left on the main thread. A build stopped midway loses its last seconds'
 * records: those outputs are built again next time.
 */
export class ManifestRecords {
  private pending: Array<(manifest: Manifest) => void> = [];
  private lastWrite = 0;
  private written: Promise<void> = Promise.resolve();

  constructor(readonly outDir: string) {}

  /** Records a change; written now if the last write was long enough ago, else with the next one. */
  record(change: (manifest: Manifest) => void): Promise<void> {
    this.pending.push(change);
    return Date.now() - this.lastWrite >= RECORD_EVERY_MS ? this.flush() : Promise.resolve();
  }

  /** Writes what is pending (after any write under way): the batch's end waits for it. */
  flush(): Promise<void> {
    const changes = this.pending.splice(0);
    if (changes.length === 0) return this.written;
    this.lastWrite = Date.now();
    const write = () =>
      updateManifest(this.outDir, (manifest) => changes.forEach((change) => change(manifest))).catch((error) => {
        // Kept for the next write, which the batch's end makes: it says so if that fails too.
        this.pending.unshift(...changes);
        throw error;
      });
    this.written = this.written.then(write, write);
    return this.written;
  }
}

export function hashOf(...parts: Array<string | Uint8Array | null | undefined>): string {
  const hash = createHash('sha256');
  for (const part of parts) {
    hash.update(part === null || part === undefined ? '\u0000' : part);
    hash.update('\u0001');
  }
  return hash.digest('hex').slice(0, 32);
}

/** Hash of a file's bytes, or of its absence. */
export async function hashFile(path: string): Promise<string> {
  try {
    return hashOf(await readFile(path));
  } catch {
    return hashOf('missing', path);
  }
}

/** Cache: the tool's hash, computed once per process. */
let toolHashValue: string | null = null;
/** The tool's own version: its code and its locked dependencies. A new version rebuilds everything. */
export async function toolHash(): Promise<string> {
  if (toolHashValue) return toolHashValue;
  const root = join(REPO_ROOT, 'pipeline');
  const files = (await readdir(root, { recursive: true, encoding: 'utf8' })).filter((f) => f.endsWith('.ts')).sort();
  const parts: Array<string | Uint8Array> = [];
  for (const f of files) parts.push(f, await readFile(join(root, f)));
  parts.push(await readFile(join(root, '..', 'package-lock.json')).catch(() => Buffer.from('')));
  toolHashValue = hashOf(...parts);
  return toolHashValue;
}

/** Whether an output is up to date: the same key, and all its files still there. */
export function upToDate(outDir: string, record: ReportRecord | undefined, output: string, key: string): boolean {
  const previous = record?.outputs[output];
  return Boolean(previous && previous.key === key && previous.files.every((f) => existsSync(join(outDir, f))));
}
