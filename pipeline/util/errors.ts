/**
 * A problem the user can fix: it is printed as one line, `file:line:col: message`,
 * never as a stack trace (unless DEBUG=1).
 */
export class BriefsError extends Error {
  readonly file: string;
  readonly line?: number;
  readonly column?: number;

  constructor(file: string, message: string, place?: { line?: number; column?: number }) {
    super(message);
    this.name = 'BriefsError';
    this.file = file;
    this.line = place?.line;
    this.column = place?.column;
  }

  /** The one line shown to the user. */
  get oneLine(): string {
    let where = this.file;
    if (this.line !== undefined) where += `:${this.line}`;
    if (this.line !== undefined && this.column !== undefined) where += `:${this.column}`;
    return `${where}: ${this.message}`;
  }
}

/** One line for any error: ours as written, others with the file they happened on. */
export function describeError(error: unknown, file: string): string {
  if (error instanceof BriefsError) return error.oneLine;
  const message = error instanceof Error ? error.message : String(error);
  return `${file}: ${message.split('\n')[0]}`;
}
