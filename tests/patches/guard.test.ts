import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { installedVersion, patchesOff, patchFits } from '../../pipeline/patches/guard.js';
import { repoRoot } from '../helpers/readers.js';

describe('a patch’s guard', () => {
  it('lets a patch in only on the version it was written for, and says why not under DEBUG', () => {
    const said = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(patchFits('p', 'pdfkit', '0.19.1', { off: [], debug: true })).toBe(true);
    expect(patchFits('p', 'pdfkit', '0.0.1', { off: [], debug: false })).toBe(false);
    expect(said).not.toHaveBeenCalled();
    expect(patchFits('p', 'pdfkit', '0.0.1', { off: [], debug: true })).toBe(false);
    expect(said).toHaveBeenCalledWith('patch p: off, written for pdfkit 0.0.1, found 0.19.1');
    said.mockRestore();
  });

  it('leaves every patch off with BRIEFS_PATCHES=off, and the named ones with off:a,b', () => {
    expect(patchesOff(undefined)).toEqual([]);
    expect(patchesOff('off')).toBe('all');
    expect(patchesOff('off:p,q')).toEqual(['p', 'q']);
    expect(patchFits('p', 'pdfkit', '0.19.1', { off: 'all', debug: false })).toBe(false);
    expect(patchFits('p', 'pdfkit', '0.19.1', { off: ['p'], debug: false })).toBe(false);
    expect(patchFits('q', 'pdfkit', '0.19.1', { off: ['p'], debug: false })).toBe(true);
  });

  it('finds the patched packages pinned in package.json to the versions installed', () => {
    const { dependencies } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    for (const name of ['pdfkit', 'pdfmake', 'fontkit', 'docx']) expect(dependencies[name], name).toBe(installedVersion(name));
  });
});
