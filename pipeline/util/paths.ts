import { isAbsolute, relative, sep } from 'node:path';

/** Whether `path` is `folder` or inside it; both resolved already. A sibling whose name starts with the folder's is not. */
export function isWithin(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}
