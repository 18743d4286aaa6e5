import type { ParagraphModel, ReportModel, SectionModel } from './report-model.js';

export interface LeadView {
  text: string;
  n: number;
}

export interface SummarySectionView {
  heading: string;
  /** ¶ range the section covers. */
  first: number | null;
  last: number | null;
  subsections: Array<{ heading: string; first: number | null }>;
  leads: LeadView[];
}

export interface SummaryView {
  paragraphCount: number;
  sectionCount: number;
  sections: SummarySectionView[];
}

/** Every paragraph of a section and its sub-sections, in order. */
function allParagraphs(section: SectionModel): ParagraphModel[] {
  return [...section.paragraphs, ...section.sections.flatMap(allParagraphs)].sort((a, b) => a.n - b.n);
}

/**
 * The lead sentences a section is summed up by: the first of each sub-section first, then the
 * next of each, and so on — so every part of a long section is heard before any is repeated.
 */
function leadsOf(section: SectionModel, limit: number): LeadView[] {
  const groups = [section.paragraphs, ...section.sections.map(allParagraphs)]
    .map((ps) => ps.filter((p) => p.lead !== null && !/^各位代表/.test(p.lead)))
    .filter((ps) => ps.length > 0);
  const picked: ParagraphModel[] = [];
  for (let round = 0; picked.length < limit && groups.some((g) => g.length > round); round++) {
    for (const group of groups) {
      if (group[round] && picked.length < limit) picked.push(group[round]);
    }
  }
  return picked.sort((a, b) => a.n - b.n).map((p) => ({ text: p.lead!, n: p.n }));
}

/** What the executive summary shows of a report: its parts, their sub-sections and lead sentences. */
export function summaryView(model: ReportModel, leadsPerSection = 6): SummaryView {
  const parts = model.sections.filter((s) => s.role === 'section');
  return {
    paragraphCount: model.paragraphs.length,
    sectionCount: parts.length,
    sections: parts.map((section) => {
      const paragraphs = allParagraphs(section);
      return {
        heading: section.heading,
        first: paragraphs[0]?.n ?? null,
        last: paragraphs[paragraphs.length - 1]?.n ?? null,
        subsections: section.sections.map((s) => ({ heading: s.heading, first: allParagraphs(s)[0]?.n ?? null })),
        leads: leadsOf(section, leadsPerSection),
      };
    }),
  };
}
