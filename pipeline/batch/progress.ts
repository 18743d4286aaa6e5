/**
 * Progress of a batch: on a terminal, one status line rewritten in place (report, stage, count);
 * elsewhere (CI logs), a plain line per report and stage.
 */
export class Progress {
  private readonly tty = Boolean(process.stderr.isTTY);
  private readonly current = new Map<string, string>();
  /** Per report: the stages and publications already told in the log, and when it began. */
  private readonly printed = new Map<string, Set<string>>();
  private readonly began = new Map<string, number>();
  private done = 0;

  constructor(private readonly total: number) {}

  stage(slug: string, stage: string): void {
    if (!this.began.has(slug)) this.began.set(slug, performance.now());
    // One thread's part of a report is done, not the report: its line (finish) says when it is.
    if (stage === 'done') return;
    if (this.current.get(slug) === stage) return;
    this.current.set(slug, stage);
    if (this.tty) {
      this.redraw();
      return;
    }
    // In a log, one line per stage of the report and per publication, not per layout attempt
    // (nor per thread: several may build parts of one report, each passing through its stages).
    const [step, publication] = stage.split(' ');
    const label = publication ?? step;
    const printed = this.printed.get(slug) ?? new Set<string>();
    this.printed.set(slug, printed);
    if (printed.has(label)) return;
    printed.add(label);
    process.stderr.write(`${slug}: ${publication ? `building ${publication}` : step}\n`);
  }

  /** Marks a report done; says how many seconds it took since its first stage. */
  finish(slug: string): number {
    this.current.delete(slug);
    this.done++;
    if (this.tty) this.redraw();
    return (performance.now() - (this.began.get(slug) ?? performance.now())) / 1000;
  }

  /** Clears the status line before a normal line is printed. */
  clear(): void {
    if (this.tty) process.stderr.write('\r\u001b[K');
  }

  private redraw(): void {
    const running = [...this.current].map(([slug, stage]) => `${slug}: ${stage}`).join(' · ');
    process.stderr.write(`\r\u001b[K[${this.done}/${this.total}] ${running}`.slice(0, (process.stderr.columns || 120) + 8));
  }
}
