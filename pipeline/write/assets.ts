import type { RenderedChart } from '../charts/render-chart.js';

/**
 * Images a publication may show, by the path its Markdown gives (`charts/<name>.png`).
 * Charts are rendered once and handed to every writer from here, never read back from disk.
 */
export type Assets = ReadonlyMap<string, RenderedChart>;

export function chartPath(name: string): string {
  return `charts/${name}.png`;
}

export function assetsOf(charts: RenderedChart[]): Assets {
  return new Map(charts.map((c) => [chartPath(c.spec.name), c]));
}
