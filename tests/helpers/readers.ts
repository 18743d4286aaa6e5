import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scratchDir } from './scratch.js';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Runs `make briefs`' command (the bundled CLI, built by the tests' global setup) as a user would, with SOURCE and OUT. */
export function runBriefs(env: Record<string, string>): { status: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [join(repoRoot, 'node_modules', '.cache', 'briefs', 'cli.js')], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

export function pdfText(path: string, ...args: string[]): string {
  return execFileSync('pdftotext', [...args, path, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

export function pdfInfo(path: string): Record<string, string> {
  const out = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  return Object.fromEntries(out.split('\n').filter(Boolean).map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]));
}

export interface PdfFont {
  name: string;
  type: string;
  embedded: boolean;
  subset: boolean;
}

export function pdfFonts(path: string): PdfFont[] {
  const lines = execFileSync('pdffonts', [path], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
  return lines.map((line) => {
    const cols = line.trim().split(/\s+/);
    // name type… encoding emb sub uni id gen: emb/sub/uni are the 5th–3rd last.
    return { name: cols[0], type: cols.slice(1, -6).join(' '), embedded: cols[cols.length - 5] === 'yes', subset: cols[cols.length - 4] === 'yes' };
  });
}

let fontConfig: string | null = null;
/**
 * LibreOffice finds fonts through fontconfig. The DOCX names Noto Serif/Sans SC; point
 * fontconfig at the same npm font files the PDF embeds, so both routes set the same faces.
 */
function fontConfigFile(): string {
  if (fontConfig) return fontConfig;
  const dir = scratchDir('briefs-fc-');
  const fonts = [...['noto-serif-sc', 'noto-sans-sc'].map((f) => join(repoRoot, 'node_modules', '@expo-google-fonts', f)), join(repoRoot, 'node_modules', '@fontsource', 'lxgw-wenkai', 'files')];
  writeFileSync(
    join(dir, 'fonts.conf'),
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n${fonts.map((f) => `  <dir>${f}</dir>`).join('\n')}\n  <cachedir>${join(dir, 'cache')}</cachedir>\n</fontconfig>\n`,
  );
  fontConfig = join(dir, 'fonts.conf');
  return fontConfig;
}

/**
 * A fontconfig that knows one font only: Roboto Regular (Latin, from pdfmake's npm package), none
 * of ours and no system font. LibreOffice (7.4) does not start with no font at all: with a
 * fonts.conf that lists no directory it says "No fonts could be found on the system." and converts
 * nothing (its own share/fonts is empty here), before it reads the DOCX's embedded fonts. With this
 * one, a DOCX is set in the fonts it embeds or shows Roboto where it falls back.
 */
export function bareFontConfig(): string {
  const dir = scratchDir('briefs-fc-bare-');
  mkdirSync(join(dir, 'fonts'));
  writeFileSync(join(dir, 'fonts', 'Roboto-Regular.ttf'), readFileSync(join(repoRoot, 'node_modules', 'pdfmake', 'fonts', 'Roboto', 'Roboto-Regular.ttf')));
  writeFileSync(
    join(dir, 'fonts.conf'),
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <dir>${join(dir, 'fonts')}</dir>\n  <cachedir>${join(dir, 'cache')}</cachedir>\n</fontconfig>\n`,
  );
  return join(dir, 'fonts.conf');
}

/**
 * Converts DOCX files to PDF with LibreOffice, as a reader's machine would; returns the PDF paths.
 * Fonts: ours from node_modules and the system's, or the fontconfig file given. A profile folder
 * may be shared by conversions run one after another (LibreOffice takes seconds to make one).
 */
export function convertWithLibreOffice(docxPaths: string[], outDir: string, fontConfig?: string, profile = scratchDir('briefs-lo-')): string[] {
  mkdirSync(outDir, { recursive: true });
  execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, ...docxPaths], {
    env: { ...process.env, FONTCONFIG_FILE: fontConfig ?? fontConfigFile() },
    stdio: 'pipe',
    timeout: 240_000,
  });
  return docxPaths.map((p) => join(outDir, p.split('/').pop()!.replace(/\.docx$/, '.pdf')));
}

/** Reads a DOCX with python-docx: styles used and defined, paragraphs' text, core properties. */
export function pythonDocx(path: string): { used: string[]; defined: string[]; text: string[]; title: string; language: string | null } {
  const script = `
import docx, json, sys
d = docx.Document(sys.argv[1])
lang = d.styles.element.find('.//{http://schemas.openxmlformats.org/wordprocessingml/2006/main}lang')
print(json.dumps({
  "used": sorted({p.style.name for p in d.paragraphs}),
  "defined": sorted({s.name for s in d.styles}),
  "text": [p.text for p in d.paragraphs],
  "title": d.core_properties.title,
  "language": lang.get('{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia') if lang is not None else None,
}, ensure_ascii=False))
`;
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, path], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }));
}

/** Text with all white space removed: pdftotext spaces out justified CJK lines. */
export const squash = (text: string) => text.replace(/\s+/g, '');
