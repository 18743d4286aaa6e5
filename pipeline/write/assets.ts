import { renderChart, type ChartSpec, type RenderedChart } from '../charts/render-chart.js';

/**
 * Images a publication may show, by the path its Markdown gives (`charts/<name>.png`). A chart is
 * rendered the first time a writer asks for it, once, and handed to every writer from here (never
 * read back from disk): a thread that builds only publications without charts renders none.
 */
export interface Assets {
  get(path: string): RenderedChart | undefined;
}

export function chartPath(name: string): string {
  return `charts/${name}.png`;
}

export function assetsOf(specs: ChartSpec[]): Assets {
  const byPath = new Map(specs.map((spec) => [chartPath(spec.name), spec]));
  const rendered = new Map<string, RenderedChart>();
  return {
    get(path) {
      const spec = byPath.get(path);
      if (!spec) return undefined;
      let chart = rendered.get(path);
      if (!chart) rendered.set(path, (chart = renderChart(spec)));
      return chart;
    },
  };
}
