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
    // A value quoted from a file may hold line breaks (a YAML block scalar): shown, not broken on.
    return `${where}: ${this.message.replace(/\r?\n/g, '⏎')}`;
  }
}

/** One line for any error: ours as written, others with the file they happened on. */
export function describeError(error: unknown, file: string): string {
  if (error instanceof BriefsError) return error.oneLine;
  const message = error instanceof Error ? error.message : String(error);
  return `${file}: ${message.split('\n')[0]}`;
}

/** What a system error code means to a user: ENOSPC alone says little to a communications officer. */
const SYSTEM_ERRORS: Record<string, string> = {
  ENOSPC: 'disk full',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'read-only file system',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'a folder is in the way',
  ENOTDIR: 'a file is in the way of a folder',
  EMFILE: 'too many open files',
  EIO: 'input/output error',
};

/** A failed write as one line naming the file written: `path: cannot write (ENOSPC: disk full)`. */
export function writeError(error: unknown, path: string): BriefsError {
  const code = (error as NodeJS.ErrnoException)?.code;
  const reason = code ? `${code}: ${SYSTEM_ERRORS[code] ?? ((error as Error).message.split(/[,\n]/)[0] ?? code)}` : error instanceof Error ? error.message.split('\n')[0] : String(error);
  return new BriefsError(path, `cannot write (${reason})`);
}
