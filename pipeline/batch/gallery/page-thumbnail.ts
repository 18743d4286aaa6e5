import { createRequire } from 'node:module';
import { createCanvas, GlobalFonts, Image, type SKRSContext2D } from '@napi-rs/canvas';
import { openFont } from '../../util/font-cache.js';
import { FONT_FILES } from '../../util/fonts.js';
import type { LaidOutPage, PageLayout } from '../../write/pdf/write-pdf.js';

const require = createRequire(import.meta.url);

/** The pdfkit font a line is set in, as pdfmake hands it to its renderer. */
interface PdfKitFont {
  ascender: number;
  font?: { postscriptName?: string };
  name?: string;
}

type Colour = string | number[];

/** Cache: the canvas's names for our fonts, registered once per thread. */
let fontAliases: Map<string, string> | null = null;
/** Our fonts, registered with the canvas under their PostScript names (the PDF's fonts name them so). */
function canvasFontFor(font: PdfKitFont): string {
  if (!fontAliases) {
    fontAliases = new Map();
    for (const path of new Set(Object.values(FONT_FILES))) {
      const name = openFont(path).postscriptName;
      GlobalFonts.registerFromPath(path, `briefs ${name}`);
      fontAliases.set(name, `briefs ${name}`);
    }
  }
  return fontAliases.get(font.font?.postscriptName ?? font.name ?? '') ?? 'sans-serif';
}

const cssColour = (colour: Colour): string => (Array.isArray(colour) ? `rgb(${colour.slice(0, 3).join(',')})` : colour);

/** An image pdfmake was given as a data: URL, decoded (first pages seldom show one: not kept). */
function imageOf(dataUrl: string): Image | null {
  if (!/^data:image\/(png|jpe?g);base64,/.test(dataUrl)) return null;
  const image = new Image();
  image.src = Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
  return image;
}

/**
 * The drawing calls pdfmake's renderer makes on a pdfkit document, made on a canvas instead.
 * Coordinates are the page's points, top-down, as pdfkit takes them.
 */
class CanvasDocument {
  page: { width: number; height: number };
  outline = { addItem: () => this.outline };
  _font: PdfKitFont | null = null;
  private size = 12;
  private face = '';
  private spacing = '0px';
  private fillOpacity = 1;
  private strokeOpacity = 1;

  constructor(
    private readonly ctx: SKRSContext2D,
    page: { width: number; height: number },
    private readonly images: Record<string, string>,
  ) {
    this.page = page;
  }

  addPage() {
    return this;
  }
  fontSize(size: number) {
    this.size = size;
    return this;
  }
  resolveColor(colour: Colour | undefined, fallback: Colour) {
    return colour ?? fallback;
  }
  opacity(value: number) {
    this.fillOpacity = this.strokeOpacity = value;
    return this;
  }
  fillColor(colour: Colour, opacity?: number) {
    this.ctx.fillStyle = cssColour(colour);
    if (opacity !== undefined) this.fillOpacity = opacity;
    return this;
  }
  strokeColor(colour: Colour, opacity?: number) {
    this.ctx.strokeStyle = cssColour(colour);
    if (opacity !== undefined) this.strokeOpacity = opacity;
    return this;
  }
  text(text: string, x: number, y: number, options: { characterSpacing?: number } = {}) {
    const font = this._font;
    if (!font) return this;
    const { ctx } = this;
    // Setting a canvas font parses it: set it only when it changes (a page sets each character apart).
    const face = `${this.size}px "${canvasFontFor(font)}"`;
    if (face !== this.face) ctx.font = this.face = face;
    const spacing = `${options.characterSpacing ?? 0}px`;
    if (spacing !== this.spacing) ctx.letterSpacing = this.spacing = spacing;
    ctx.globalAlpha = this.fillOpacity;
    // pdfkit puts the top of the text at y: its baseline is the font's ascender below.
    ctx.fillText(text, x, y + (font.ascender / 1000) * this.size);
    return this;
  }
  lineWidth(width: number) {
    this.ctx.lineWidth = width;
    return this;
  }
  dash(length: number, options: { space?: number } = {}) {
    this.ctx.setLineDash([length, options.space ?? length]);
    return this;
  }
  undash() {
    this.ctx.setLineDash([]);
    return this;
  }
  lineJoin(join: CanvasLineJoin) {
    this.ctx.lineJoin = join;
    return this;
  }
  lineCap(cap: CanvasLineCap) {
    this.ctx.lineCap = cap;
    return this;
  }
  moveTo(x: number, y: number) {
    this.ctx.moveTo(x, y);
    return this;
  }
  lineTo(x: number, y: number) {
    this.ctx.lineTo(x, y);
    return this;
  }
  bezierCurveTo(a: number, b: number, c: number, d: number, x: number, y: number) {
    this.ctx.bezierCurveTo(a, b, c, d, x, y);
    return this;
  }
  closePath() {
    this.ctx.closePath();
    return this;
  }
  rect(x: number, y: number, w: number, h: number) {
    this.ctx.rect(x, y, w, h);
    return this;
  }
  roundedRect(x: number, y: number, w: number, h: number, r: number) {
    this.ctx.roundRect(x, y, w, h, r);
    return this;
  }
  ellipse(x: number, y: number, r1: number, r2 = r1) {
    this.ctx.ellipse(x, y, r1, r2, 0, 0, Math.PI * 2);
    return this;
  }
  fill(colour?: Colour) {
    if (colour !== undefined) this.fillColor(colour);
    this.ctx.globalAlpha = this.fillOpacity;
    this.ctx.fill();
    this.ctx.beginPath();
    return this;
  }
  stroke() {
    this.ctx.globalAlpha = this.strokeOpacity;
    this.ctx.stroke();
    this.ctx.beginPath();
    return this;
  }
  fillAndStroke() {
    this.ctx.globalAlpha = this.fillOpacity;
    this.ctx.fill();
    this.ctx.globalAlpha = this.strokeOpacity;
    this.ctx.stroke();
    this.ctx.beginPath();
    return this;
  }
  /** pdfmake clips table cells with a raw `x y w h re`; that is the only raw content it writes. */
  addContent(operators: string) {
    const rect = operators.match(/^(\S+) (\S+) (\S+) (\S+) re$/);
    if (rect) this.ctx.rect(Number(rect[1]), Number(rect[2]), Number(rect[3]), Number(rect[4]));
    return this;
  }
  clip() {
    this.ctx.clip();
    this.ctx.beginPath();
    return this;
  }
  save() {
    this.ctx.save();
    return this;
  }
  restore() {
    this.ctx.restore();
    this.face = this.spacing = '';
    return this;
  }
  translate(x: number, y: number) {
    this.ctx.translate(x, y);
    return this;
  }
  image(name: string, x: number, y: number, options: { width?: number; height?: number } = {}) {
    const image = imageOf(this.images[name] ?? name);
    if (!image) return this;
    const width = options.width ?? image.width;
    const height = options.height ?? (image.height * width) / image.width;
    this.ctx.globalAlpha = this.fillOpacity;
    this.ctx.drawImage(image, x, y, width, height);
    return this;
  }
  providePattern() {
    return null;
  }
  // Links, destinations and annotations have no picture.
  link() {
    return this;
  }
  annotate() {
    return this;
  }
  goTo() {
    return this;
  }
  ref() {
    return { end() {} };
  }
}

/**
 * A PNG of a laid-out page, `widthPx` wide: pdfmake's own renderer draws the page's lines, rules,
 * tables and images, at the positions and in the fonts of the PDF, onto a canvas.
 *
 * Why not read the PDF back (pdf.js): that took 2 s and 270 MB for the seven thumbnails of one
 * report, and its legacy build replaces built-ins (Array.prototype.push, JSON.parse …) of the
 * thread that loads it. Drawing from the layout takes a few milliseconds a page. The PNG is
 * encoded off this thread (the canvas's encode runs in Node's thread pool): about 8 ms a page.
 */
export async function thumbnailOfPage({ page, images }: PageLayout, widthPx = 300): Promise<Buffer> {
  const scale = widthPx / page.pageSize.width;
  const canvas = createCanvas(widthPx, Math.round(page.pageSize.height * scale));
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.scale(scale, scale);
  ctx.fillStyle = '#000000';
  const Renderer = require('pdfmake/js/Renderer').default;
  new Renderer(new CanvasDocument(ctx, page.pageSize, images)).renderPages([page]);
  return canvas.encode('png');
}
