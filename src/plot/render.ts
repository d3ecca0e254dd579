/**
 * Rendering of the vega-lite figures of src/plot/specs.ts without a browser: vega-lite compiles the
 * spec, a headless vega View (renderer 'none') draws it as SVG, resvg rasterizes the SVG to PNG and
 * pdfkit with svg-to-pdfkit turns it into a vector PDF for LaTeX. Text is laid out, drawn and
 * embedded with the DejaVu fonts of the dejavu-fonts-ttf package alone (no system font is looked
 * up), so it renders the same on a bare machine, and nothing depends on the clock: the same spec
 * gives the same bytes in all formats. `writeFigure` writes a figure's five files atomically.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { buffer } from 'node:stream/consumers';
import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { parse, resetSVGDefIds, textMetrics, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { toJson, writeAtomically } from '../report/report.js';
import { FIGURE_FONT, figureCsv } from './specs.js';

const FONT_DIRECTORY = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');

/** The faces of FIGURE_FONT, by the name pdfkit registers them under. */
const FONT_FACES = {
  DejaVuSans: join(FONT_DIRECTORY, 'DejaVuSans.ttf'),
  'DejaVuSans-Bold': join(FONT_DIRECTORY, 'DejaVuSans-Bold.ttf'),
  'DejaVuSans-Oblique': join(FONT_DIRECTORY, 'DejaVuSans-Oblique.ttf'),
  'DejaVuSans-BoldOblique': join(FONT_DIRECTORY, 'DejaVuSans-BoldOblique.ttf'),
} as const;

type FontFace = keyof typeof FONT_FACES;

/** PNG pixels per SVG pixel: a 480-pixel-wide figure becomes 1440 pixels, 300 dpi at 4.8 inches. */
const PNG_ZOOM = 3;

/** PDF points per SVG pixel (CSS: 96 px to the inch, PDF: 72 pt). */
const POINTS_PER_PIXEL = 72 / 96;

/** The PDF's creation and modification date: fixed, so the bytes do not depend on the clock. */
const FIXED_DATE = new Date(Date.UTC(2000, 0, 1));

const RESVG_OPTIONS: ResvgRenderOptions = {
  font: { fontFiles: Object.values(FONT_FACES), loadSystemFonts: false, defaultFontFamily: FIGURE_FONT },
  fitTo: { mode: 'zoom', value: PNG_ZOOM },
  logLevel: 'off',
};

function pdfFace(bold: boolean, italic: boolean): FontFace {
  if (bold) return italic ? 'DejaVuSans-BoldOblique' : 'DejaVuSans-Bold';
  return italic ? 'DejaVuSans-Oblique' : 'DejaVuSans';
}

/** A pdfkit document that only measures strings in the DejaVu faces. */
const measurer = new PDFDocument({ autoFirstPage: false });
for (const [face, file] of Object.entries(FONT_FACES)) measurer.registerFont(face, file);

/**
 * Without a canvas, vega estimates a text's width as 0.8 em per character, which leaves wide
 * margins around DejaVu text; it lays text out with the glyphs' own widths instead. (Text longer
 * than its limit counts as the limit: vega truncates it.)
 */
textMetrics.width = (item, text) => {
  const value = text === null || text === undefined ? '' : String(text).trim();
  const bold = item.fontWeight === 'bold' || Number(item.fontWeight) >= 600;
  const width = measurer
    .font(pdfFace(bold, item.fontStyle === 'italic'))
    .fontSize(item.fontSize ?? 11)
    .widthOfString(value);
  return item.limit !== undefined && item.limit > 0 ? Math.min(width, item.limit) : width;
};

/** Draws the spec as an SVG document with a headless vega view. */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  // A copy: vega tags the data rows it ingests, and the caller's spec stays as it was.
  const view = new View(parse(compile(structuredClone(spec)).spec), { renderer: 'none' });
  try {
    // vega numbers clip paths and gradients with module-wide counters: restart them per figure.
    resetSVGDefIds();
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** Rasterizes an SVG figure at PNG_ZOOM times its size, with the DejaVu fonts only. */
export function svgToPng(svg: string): Buffer {
  return new Resvg(svg, RESVG_OPTIONS).render().asPng();
}

/** A one-page vector PDF of an SVG figure, the page the figure's size, with the DejaVu fonts embedded. */
export async function svgToPdf(svg: string): Promise<Buffer> {
  const { width, height } = new Resvg(svg, { ...RESVG_OPTIONS, fitTo: { mode: 'original' } });
  const document = new PDFDocument({
    size: [width * POINTS_PER_PIXEL, height * POINTS_PER_PIXEL],
    margin: 0,
    info: { Producer: 'boundcheck', Creator: 'boundcheck', CreationDate: FIXED_DATE, ModDate: FIXED_DATE },
  });
  for (const [face, file] of Object.entries(FONT_FACES)) document.registerFont(face, file);
  const bytes = buffer(document);
  const warnings: string[] = [];
  SVGtoPDF(document, svg, 0, 0, {
    fontCallback: (_family, bold, italic) => pdfFace(bold, italic),
    warningCallback: (message) => warnings.push(message),
  });
  document.end();
  if (warnings.length > 0) throw new Error(`svg-to-pdfkit: ${warnings[0]}`);
  return bytes;
}

export interface RenderedFigure {
  readonly svg: string;
  readonly png: Buffer;
  readonly pdf: Buffer;
}

export async function renderFigure(spec: TopLevelSpec): Promise<RenderedFigure> {
  const svg = await renderSvg(spec);
  return { svg, png: svgToPng(svg), pdf: await svgToPdf(svg) };
}

/** The files `writeFigure` writes, by format. */
export interface FigureFiles {
  /** The vega-lite JSON (opens in the vega editor, or in Python with altair.Chart.from_json). */
  readonly spec: string;
  readonly csv: string;
  readonly svg: string;
  readonly png: string;
  readonly pdf: string;
}

/** Writes `name`.vl.json, .csv, .svg, .png and .pdf into `directory`, each atomically. */
export async function writeFigure(spec: TopLevelSpec, directory: string, name: string): Promise<FigureFiles> {
  const files: FigureFiles = {
    spec: join(directory, `${name}.vl.json`),
    csv: join(directory, `${name}.csv`),
    svg: join(directory, `${name}.svg`),
    png: join(directory, `${name}.png`),
    pdf: join(directory, `${name}.pdf`),
  };
  const csv = figureCsv(spec);
  const { svg, png, pdf } = await renderFigure(spec);
  writeAtomically(files.spec, toJson(spec));
  writeAtomically(files.csv, csv);
  writeAtomically(files.svg, svg);
  writeAtomically(files.png, png);
  writeAtomically(files.pdf, pdf);
  return files;
}
