/**
 * Progress of a batch: on a terminal, one status line rewritten in place (report, stage, count);
 * elsewhere (CI logs), a plain line per report and stage.
 */
export class Progress {
  private readonly tty = Boolean(process.stderr.isTTY);
  private readonly current = new Map<string, string>();
  private readonly printed = new Map<string, string>();
  private done = 0;

  constructor(private readonly total: number) {}

  stage(slug: string, stage: string): void {
    if (this.current.get(slug) === stage) return;
    this.current.set(slug, stage);
    if (this.tty) {
      this.redraw();
      return;
    }
    // In a log, one line per stage of the report and per publication, not per layout attempt.
    const [step, publication] = stage.split(' ');
    const label = publication ?? step;
    if (this.printed.get(slug) === label) return;
    this.printed.set(slug, label);
    process.stderr.write(`${slug}: ${publication ? `building ${publication}` : step}\n`);
  }

  finish(slug: string): void {
    this.current.delete(slug);
    this.done++;
    if (this.tty) this.redraw();
  }

  /** Clears the status line before a normal line is printed. */
  clear(): void {
    if (this.tty) process.stderr.write('\r\u001b[K');
  }

  private redraw(): void {
    const running = [...this.current].map(([slug, stage]) => `${slug}: ${stage}`).join(' · ');
    process.stderr.write(`\r\u001b[K[${this.done}/${this.total}] ${running}`.slice(0, (process.stderr.columns ?? 120) + 8));
  }
}
