import { prepareReport, type PreparedReport } from '../model/prepare-report.js';
import { REPORTS_PER_ROUND } from './tasks.js';

/**
 * The reports a build thread read for its last tasks, so that a report's tasks (its charts, its
 * briefs, its full text; the review of a later report) read it once per thread, not once per
 * task. Bounded to a round's reports and the reports of the years before them (see
 * REPORTS_PER_ROUND; a thread builds one round): it holds as many in a batch of a thousand as in
 * a batch of six. A file changed while the batch runs is read as it is then; the manifest keeps
 * the hash the plan read, so the next build rebuilds it.
 */
export class RecentReports {
  private readonly reports = new Map<string, Promise<PreparedReport>>();

  constructor(readonly capacity = 2 * REPORTS_PER_ROUND) {}

  read(file: string): Promise<PreparedReport> {
    const known = this.reports.get(file);
    // Taken out and put back: a Map keeps insertion order, so the first key is the least recent.
    this.reports.delete(file);
    const report = known ?? prepareReport(file);
    this.reports.set(file, report);
    // A failed read is not kept: the next task tries again, and says why if it fails again.
    report.catch(() => this.reports.get(file) === report && this.reports.delete(file));
    while (this.reports.size > this.capacity) this.reports.delete(this.reports.keys().next().value!);
    return report;
  }
}
