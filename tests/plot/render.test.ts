/**
 * Rendering without a browser (src/plot/render.ts): every figure's PNG has visible text in its
 * title and axis-title regions, drawn from the DejaVu fonts alone; every PDF parses as one page of
 * the figure's size with the DejaVu fonts embedded and a fixed date; every SVG keeps its Greek
 * letters, sub- and superscripts; and the same spec gives the same bytes in all three formats.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderFigure, renderSvg, svgToPng, writeFigure, type RenderedFigure } from '../../src/plot/render.js';
import { figureCsv, trajectoryFigure } from '../../src/plot/specs.js';
import { FIGURES } from './figures.js';

const rendered = new Map<string, RenderedFigure>();
beforeAll(async () => {
  for (const { name, spec } of FIGURES) rendered.set(name, await renderFigure(spec));
});

/** The SVG's size in pixels, from its root element. */
function svgSize(svg: string): { width: number; height: number } {
  const root = /<svg[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"/.exec(svg);
  if (!root) throw new Error('no width and height on the SVG root');
  return { width: Number(root[1]), height: Number(root[2]) };
}

/** Pixels darker than mid-grey (text and lines are black or near it) in a box of fractions of the image. */
function darkPixels(png: PNG, box: { left: number; top: number; right: number; bottom: number }): number {
  let count = 0;
  for (let y = Math.floor(box.top * png.height); y < Math.ceil(box.bottom * png.height); y++) {
    for (let x = Math.floor(box.left * png.width); x < Math.ceil(box.right * png.width); x++) {
      const i = 4 * (y * png.width + x);
      if (png.data[i + 3] > 0 && png.data[i] + png.data[i + 1] + png.data[i + 2] < 3 * 100) count++;
    }
  }
  return count;
}

describe.each(FIGURES.map((f) => [f.name, f] as const))('%s', (name, { spec, unicode }) => {
  const figure = () => rendered.get(name)!;

  it('SVG: text in DejaVu Sans, with its Greek letters, sub- and superscripts', () => {
    const { svg } = figure();
    for (const text of unicode) expect(svg).toContain(text);
    const families = new Set([...svg.matchAll(/font-family="([^"]*)"/g)].map((m) => m[1]));
    expect([...families]).toEqual(['DejaVu Sans']);
  });

  it('PNG: three times the SVG size, with dark pixels where the title and the y-axis title are', () => {
    const png = PNG.sync.read(figure().png);
    const { width, height } = svgSize(figure().svg);
    expect([png.width, png.height]).toEqual([3 * width, 3 * height]);
    expect(darkPixels(png, { left: 0, top: 0, right: 1, bottom: 0.08 })).toBeGreaterThan(100);
    expect(darkPixels(png, { left: 0, top: 0.15, right: 0.06, bottom: 0.85 })).toBeGreaterThan(100);
  });

  it('PDF: one page of the figure size in points, DejaVu embedded, a fixed date', async () => {
    const { pdf, svg } = figure();
    const document = await PDFDocument.load(pdf, { updateMetadata: false });
    expect(document.getPageCount()).toBe(1);
    const { width, height } = svgSize(svg);
    const page = document.getPage(0).getSize();
    expect(page.width).toBeCloseTo(0.75 * width, 6);
    expect(page.height).toBeCloseTo(0.75 * height, 6);
    expect(document.getCreationDate()?.toISOString()).toBe('2000-01-01T00:00:00.000Z');
    const bytes = pdf.toString('latin1');
    expect(bytes).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans\b/);
    expect(bytes).not.toContain('Helvetica');
  });

  it('the same spec gives the same bytes in SVG, PNG and PDF', async () => {
    const again = await renderFigure(spec);
    expect(again.svg).toBe(figure().svg);
    expect(again.png.equals(figure().png)).toBe(true);
    expect(again.pdf.equals(figure().pdf)).toBe(true);
  });
});

describe('text rendering', () => {
  it('draws each glyph: titles that differ in one Greek letter give different pixels', async () => {
    const withTitle = async (title: string) =>
      svgToPng(await renderSvg(trajectoryFigure({ title, series: [{ label: 'run', x: [0, 1], y: [1, 0.1] }], yLabel: 'gap' })));
    const eta = PNG.sync.read(await withTitle('η'));
    const mu = PNG.sync.read(await withTitle('μ'));
    expect(eta.data.equals(mu.data)).toBe(false);
    const blank = PNG.sync.read(await withTitle(' '));
    const box = { left: 0, top: 0, right: 1, bottom: 0.08 };
    expect(darkPixels(eta, box)).toBeGreaterThan(darkPixels(blank, box));
  });
});

describe('writeFigure', () => {
  const directory = mkdtempSync(join(tmpdir(), 'boundcheck-figure-'));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('writes the vega-lite JSON, the CSV, the SVG, the PNG and the PDF, and no temporary file', async () => {
    const { spec } = FIGURES[0];
    const files = await writeFigure(spec, join(directory, 'figures'), 'trajectory');
    expect(readdirSync(join(directory, 'figures')).sort()).toEqual(
      ['trajectory.csv', 'trajectory.pdf', 'trajectory.png', 'trajectory.svg', 'trajectory.vl.json'],
    );
    expect(JSON.parse(readFileSync(files.spec, 'utf8'))).toEqual(spec);
    expect(readFileSync(files.csv, 'utf8')).toBe(figureCsv(spec));
    const figure = rendered.get(FIGURES[0].name)!;
    expect(readFileSync(files.svg, 'utf8')).toBe(figure.svg);
    expect(readFileSync(files.png).equals(figure.png)).toBe(true);
    expect(readFileSync(files.pdf).equals(figure.pdf)).toBe(true);
  });
});
