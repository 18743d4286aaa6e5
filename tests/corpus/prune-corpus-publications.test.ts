import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeGalleryIndex } from '../../pipeline/batch/gallery/write-index.js';
import { corpusRecordJson } from '../../pipeline/corpus/corpus-record.js';
import { writeCorpusPublications } from '../../pipeline/corpus/write-corpus-publications.js';
import { prepareReport } from '../../pipeline/model/prepare-report.js';

/**
 * A comparison (three issuers of 2026) and a series (three national years) are made from the
 * corpus records in OUT; when a later build finds a year or an issuer with fewer than three
 * reports, its publication leaves OUT and the gallery, and the others stay.
 */
const corpus = join(import.meta.dirname, '..', 'fixtures', 'corpus');
const templates = join(import.meta.dirname, '..', '..', 'templates');
const PROVINCES = ['provinces/anhui-2026.txt', 'provinces/beijing-2026.txt', 'provinces/fujian-2026.txt'];
const NATIONAL = ['national/national-2014.txt', 'national/national-2015.txt', 'national/national-2016.txt'];
const EPOCH = 1_700_000_000;

const out = mkdtempSync(join(tmpdir(), 'briefs-prune-corpus-'));

/** Writes a report's corpus.json and indicators.json into OUT/<slug>/, as a build does. */
async function record(file: string): Promise<void> {
  const { model } = await prepareReport(join(corpus, file));
  mkdirSync(join(out, model.slug), { recursive: true });
  writeFileSync(join(out, model.slug, 'corpus.json'), corpusRecordJson(model, null));
  writeFileSync(join(out, model.slug, 'indicators.json'), JSON.stringify({ report: { title: model.title, issuer: model.issuer, year: model.year } }));
}

let first: Awaited<ReturnType<typeof writeCorpusPublications>>;
let second: Awaited<ReturnType<typeof writeCorpusPublications>>;
let seriesBase: string;

beforeAll(async () => {
  for (const file of [...PROVINCES, ...NATIONAL]) await record(file);
  first = await writeCorpusPublications(out, templates, { sourceDateEpoch: EPOCH });
  seriesBase = readdirSync(out).find((f) => /^series-.+\.pdf$/.test(f))!.replace(/\.pdf$/, '');
  await writeGalleryIndex(out);
  // A later build: one province's report is gone from OUT, so 2026 has two issuers.
  rmSync(join(out, 'beijing-2026'), { recursive: true });
  second = await writeCorpusPublications(out, templates, { sourceDateEpoch: EPOCH });
  await writeGalleryIndex(out);
}, 180_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('corpus publications of a year that falls below three reports', () => {
  it('are made while the year has three issuers, and listed in the gallery', () => {
    expect(first.errors).toEqual([]);
    for (const ext of ['json', 'csv', 'docx', 'pdf', 'html']) expect(first.written).toContain(join(out, `compare-2026.${ext}`));
    expect(first.written).toContain(join(out, 'thumbs', 'compare-2026.png'));
    expect(first.written).toContain(join(out, 'charts', 'compare-2026-gdp.png'));
  });

  it('are removed, every file of them (chart and thumbnail included), on the next build', () => {
    expect(second.errors).toEqual([]);
    const left = [...readdirSync(out), ...readdirSync(join(out, 'thumbs')), ...readdirSync(join(out, 'charts'))].filter((f) => f.startsWith('compare-2026'));
    expect(left).toEqual([]);
    expect(second.removed).toContain(join(out, 'compare-2026.pdf'));
    expect(second.removed).toContain(join(out, 'charts', 'compare-2026-gdp.png'));
  });

  it('leave the gallery, which still lists the series', () => {
    const index = readFileSync(join(out, 'index.html'), 'utf8');
    expect(index).not.toContain('compare-2026');
    expect(index).not.toContain('2026年各地主要预期目标一览');
    expect(index).toContain(`${seriesBase}.pdf`);
  });

  it('leave the series of an issuer that still has three years untouched', () => {
    for (const ext of ['json', 'csv', 'docx', 'pdf', 'html']) expect(existsSync(join(out, `${seriesBase}.${ext}`))).toBe(true);
    expect(second.removed.filter((f) => f.includes('series-'))).toEqual([]);
  });

  it('remove a series when its issuer falls below three years', async () => {
    rmSync(join(out, 'national-2016'), { recursive: true });
    const third = await writeCorpusPublications(out, templates, { sourceDateEpoch: EPOCH });
    await writeGalleryIndex(out);
    expect(third.removed).toContain(join(out, `${seriesBase}.pdf`));
    expect(readdirSync(out).filter((f) => f.startsWith('series-'))).toEqual([]);
    expect(readdirSync(join(out, 'charts')).filter((f) => f.startsWith('series-'))).toEqual([]);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).not.toContain(seriesBase);
  }, 60_000);
});
