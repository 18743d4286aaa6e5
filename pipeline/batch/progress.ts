import { createLogUpdate } from 'log-update';

/** What a batch will build, told before it starts: the counts progress is measured against. */
export interface BatchTotals {
  reports: number;
  publications: number;
  /** The tasks' estimated cost (tasks.ts), which the time left is reckoned from. */
  weight: number;
  threads: number;
}

/** What a batch did, for its closing line. */
export interface BatchSummary {
  reportsBuilt: number;
  upToDate: number;
  publications: number;
  files: number;
  index: string;
}

/** A build's stage (build-report.ts) as a person reads it: `pdf summary` → summary: laying out. */
export function describeStage(stage: string): string {
  const [step, publication] = stage.split(' ');
  if (!publication) return { read: 'reading', charts: 'drawing charts', exports: 'writing JSON and CSV' }[step] ?? step;
  return `${publication}: ${{ template: 'laying out', pdf: 'laying out', docx: 'writing DOCX', html: 'writing HTML' }[step] ?? step}`;
}

/** 75 s → 1:15. */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/**
 * A batch's progress, and the one place its lines are printed. On a terminal: a status of a few
 * lines kept below the log (log-update redraws it) with reports and publications done of all,
 * time elapsed and left, and what each thread is on. Elsewhere (CI logs, pipes): one whole line
 * per finished task with the same counts, so lines of different reports never mix mid-line.
 * Warnings and errors are counted for the summary at the end.
 */
export class Progress {
  private readonly tty: boolean;
  private readonly status: ReturnType<typeof createLogUpdate> | null;
  private readonly timer: NodeJS.Timeout | null;
  /** What each thread is on (0: the main thread), by the report's slug and its stage. */
  private readonly threads = new Map<number, { slug: string; stage: string }>();
  private readonly began = new Map<string, number>();
  /** When the command began (the summary's time), and when building began (the time left's). */
  private readonly opened = performance.now();
  private started = performance.now();
  private reportsDone = 0;
  private publicationsDone = 0;
  private weightDone = 0;
  warnings = 0;
  errors = 0;

  private totals: BatchTotals = { reports: 0, publications: 0, weight: 0, threads: 1 };
  /** While the batch is planned: reports checked (hashed, and read when new) of all. */
  private checking: { done: number; total: number } | null = null;

  constructor(options: { tty?: boolean } = {}) {
    // A terminal of no size (a pseudo-terminal nobody sized) could show no status: it gets the log.
    this.tty = options.tty ?? Boolean(process.stderr.isTTY && process.stderr.rows > 0);
    this.status = this.tty ? createLogUpdate(process.stderr, { showCursor: true }) : null;
    // Drawn five times a second, not at every stage: fitting a brief to its page passes between
    // laying out and templating many times a second. The clock moves while a long task runs.
    this.timer = this.tty ? setInterval(() => this.redraw(), 200).unref() : null;
  }

  /** Planning: so many reports of all checked (a new one is read, which takes a while). */
  checked(done: number, total: number): void {
    this.checking = { done, total };
  }

  /** The plan is made: what the batch will build, which progress is told against from now on. */
  start(totals: BatchTotals): void {
    this.checking = null;
    this.totals = totals;
    this.started = performance.now();
    if (totals.publications > 0) {
      const threads = totals.threads > 1 ? ` on ${totals.threads} threads` : '';
      this.print(`building ${totals.reports} report(s), ${totals.publications} publication(s)${threads}`, 'err');
    }
  }

  /** A thread (0: the main thread) is at this stage of a report. */
  stage(slug: string, stage: string, thread = 0): void {
    if (!this.began.has(slug)) this.began.set(slug, performance.now());
    if (stage === 'done') {
      this.threads.delete(thread);
      return;
    }
    const now = this.threads.get(thread);
    if (now?.slug === slug && now.stage === stage) return;
    this.threads.set(thread, { slug, stage });
  }

  /** A task is done: its publications count as done (written or failed) and its weight as spent. */
  taskDone(slug: string, publications: string[], weight: number): void {
    this.publicationsDone += publications.length;
    this.weightDone += weight;
    if (this.tty) this.redraw();
    else process.stderr.write(`[${this.publicationsDone}/${this.totals.publications}] ${slug}: ${publications.join(', ') || 'charts and exports'} (${this.times()})\n`);
  }

  /** Marks a report done; says how many seconds it took since its first stage. */
  finish(slug: string): number {
    this.reportsDone++;
    this.redraw();
    return (performance.now() - (this.began.get(slug) ?? performance.now())) / 1000;
  }

  /** Prints a whole line above the status (stdout for results, stderr for the rest). */
  print(line: string, to: 'out' | 'err'): void {
    this.status?.clear();
    (to === 'out' ? process.stdout : process.stderr).write(`${line}\n`);
    this.redraw();
  }

  warning(text: string): void {
    this.warnings++;
    this.print(`warning: ${text}`, 'err');
  }

  error(text: string): void {
    this.errors++;
    this.print(`error: ${text}`, 'err');
  }

  /** Clears the status before a line is printed some other way; the next change redraws it. */
  clear(): void {
    this.status?.clear();
  }

  /** Stops the display and prints the closing line: what was built, what went wrong, where to look; null: stops it only. */
  close(summary: BatchSummary | null): string | null {
    if (this.timer) clearInterval(this.timer);
    this.status?.clear();
    this.threads.clear();
    this.checking = null;
    if (!summary) return null;
    const upToDate = summary.upToDate ? ` (${summary.upToDate} up to date)` : '';
    const seconds = (performance.now() - this.opened) / 1000;
    const line = `done: ${summary.reportsBuilt} report(s) built${upToDate}, ${summary.publications} publication(s) written (${summary.files} files), ${this.warnings} warning(s), ${this.errors} error(s) in ${seconds.toFixed(1)} s; open ${summary.index}`;
    process.stdout.write(`${line}\n`);
    return line;
  }

  private elapsed(): number {
    return (performance.now() - this.started) / 1000;
  }

  /** Elapsed, and left as reckoned from the share of the estimated work done so far. */
  private times(): string {
    const elapsed = this.elapsed();
    const { weight } = this.totals;
    if (this.weightDone <= 0 || weight <= 0) return `${clock(elapsed)} elapsed`;
    const left = (elapsed * (weight - this.weightDone)) / this.weightDone;
    return `${clock(elapsed)} elapsed, about ${clock(left)} left`;
  }

  private redraw(): void {
    if (!this.status) return;
    if (this.checking) {
      this.status(`[checking reports: ${this.checking.done}/${this.checking.total}]`);
      return;
    }
    if (this.totals.publications === 0) return;
    const { reports, publications } = this.totals;
    const head = `[${this.reportsDone}/${reports} reports · ${this.publicationsDone}/${publications} publications · ${this.times()}]`;
    const lines = [...this.threads].sort(([a], [b]) => a - b).map(([thread, { slug, stage }]) => `  ${thread ? `thread ${thread}` : 'main'}: ${slug} — ${describeStage(stage)}`);
    this.status([head, ...lines].join('\n'));
  }
}
