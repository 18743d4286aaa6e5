import type { Heading, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import './tree-types.js';

export interface ReportIdentity {
  /** 国务院, 广东省人民政府, 大连市人民政府 … or null when the text does not say. */
  issuer: string | null;
  /** The year the report is delivered in (its plan year), or null. */
  year: number | null;
}

const PLACE = '[\\u4e00-\\u9fa5]{1,12}?(?:省|市|自治区|特别行政区|区|县|州|盟|旗)';

/** Who issues the report: from 我代表…, the occasion line, the byline or the title. */
export function inferIssuer(text: string, occasion: string, byline: string, title: string): string | null {
  if (/我代表国务院/.test(text) || /国务院总理/.test(byline)) return '国务院';
  const place =
    title.match(new RegExp(`(?:\\d{4}年)?(${PLACE})(?:人民)?政府工作报告`))?.[1] ??
    occasion.match(new RegExp(`在(${PLACE})第`))?.[1] ??
    byline.match(new RegExp(`^(${PLACE})(?:代)?(?:省|市|区|县|州)?长`))?.[1] ??
    text.match(new RegExp(`我代表(${PLACE})人民政府`))?.[1];
  return place ? `${place}人民政府` : null;
}

/** The plan year: the latest year named in a level-1 heading, else the occasion's date, else the title's. */
export function inferYear(tree: Root, occasion: string, title: string): number | null {
  const fromTitle = title.match(/(\d{4})\s*年/);
  if (fromTitle) return Number(fromTitle[1]);
  const fromOccasion = occasion.match(/(\d{4})\s*年/);
  if (fromOccasion) return Number(fromOccasion[1]);
  let latest: number | null = null;
  for (const node of tree.children) {
    if (node.type !== 'heading' || node.data?.level !== 1) continue;
    for (const m of toString(node).matchAll(/(\d{4})年/g)) {
      const year = Number(m[1]);
      if (year > 1949 && year < 2200 && (latest === null || year > latest)) latest = year;
    }
  }
  return latest;
}

export function titleHeading(tree: Root): Heading | undefined {
  return tree.children.find((n): n is Heading => n.type === 'heading' && n.data?.role === 'title');
}

/** A title for a report that has none: 2018年国务院政府工作报告. */
export function inferredTitle(identity: ReportIdentity): string {
  const year = identity.year ? `${identity.year}年` : '';
  const issuer = identity.issuer ? identity.issuer.replace(/人民政府$/, '') : '';
  return `${year}${issuer}政府工作报告`;
}
