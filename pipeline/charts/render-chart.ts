import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { Chart, registerables, type ChartConfiguration } from 'chart.js';
import { FONT_FILES, CHART_FONT_FAMILY } from '../util/fonts.js';
import { opaquePng } from './png.js';
import { collectYoungGarbage } from '../util/young-garbage.js';

Chart.register(...registerables);

/** A chart to draw: chart.js configuration and its printed size. */
export interface ChartSpec {
  /** File name without extension: charts/<name>.png. */
  name: string;
  title: string;
  config: ChartConfiguration;
  widthMm: number;
  heightMm: number;
  /** Source line printed under the chart: 资料来源：…，第N段. */
  source: string;
}

/** A rendered chart: its PNG (which records its size and resolution) and what it was made from. */
export interface RenderedChart {
  spec: ChartSpec;
  png: Buffer;
}

/** Print resolution: 300 dpi at the printed size. */
export const CHART_DPI = 300;
const CSS_DPI = 96;

let fontsRegistered = false;
/** The canvas draws text only in fonts registered with it; without this, Chinese labels are boxes. */
function registerChartFonts(): void {
  if (fontsRegistered) return;
  GlobalFonts.registerFromPath(FONT_FILES.sansRegular, CHART_FONT_FAMILY);
  GlobalFonts.registerFromPath(FONT_FILES.sansBold, CHART_FONT_FAMILY);
  Chart.defaults.font.family = CHART_FONT_FAMILY;
  fontsRegistered = true;
}

/**
 * Draws a chart with chart.js on a server-side canvas and returns the PNG. Pure apart from
 * the one-time font registration, and the collection of its own garbage on build threads: the same
 * spec gives the same bytes.
 */
export function renderChart(spec: ChartSpec): RenderedChart {
  registerChartFonts();
  const cssWidth = Math.round((spec.widthMm / 25.4) * CSS_DPI);
  const cssHeight = Math.round((spec.heightMm / 25.4) * CSS_DPI);
  const scale = CHART_DPI / CSS_DPI;
  const canvas = createCanvas(cssWidth, cssHeight);
  const context = canvas.getContext('2d');
  const config: ChartConfiguration = {
    ...spec.config,
    options: {
      ...spec.config.options,
      responsive: false,
      animation: false,
      devicePixelRatio: scale,
      font: { family: CHART_FONT_FAMILY, size: 11, ...(spec.config.options as any)?.font },
    } as any,
    plugins: [
      ...(spec.config.plugins ?? []),
      {
        // A white page behind the chart: transparent PNGs print grey in some viewers.
        id: 'white-background',
        beforeDraw: (chart) => {
          const ctx = chart.ctx;
          ctx.save();
          ctx.globalCompositeOperation = 'destination-over';
          ctx.fillStyle = '#ffffff';
          ctx.fillRect(0, 0, chart.width, chart.height);
          ctx.restore();
        },
      },
    ],
  };
  const chart = new Chart(context as any, config);
  const png = opaquePng(canvas.data(), canvas.width, canvas.height, CHART_DPI);
  chart.destroy();
  // The canvas's surface (8 MB at 300 dpi) is freed now rather than when the canvas is
  // collected, and so are the copies of its pixels the PNG was made from.
  canvas.width = 0;
  collectYoungGarbage();
  return { spec, png };
}
