/// <reference types="pdfkit" />
/**
 * Types the figure libraries leave out: svg-to-pdfkit ships none, and vega's typings omit
 * `textMetrics`, the hook through which src/plot/render.ts gives vega real glyph widths.
 */
declare module 'svg-to-pdfkit' {
  interface SvgToPdfOptions {
    /** Viewport in PDF points; by default the page size. */
    width?: number;
    height?: number;
    /** The name of a font registered in the document for an SVG font family and style. */
    fontCallback?: (family: string, bold: boolean, italic: boolean, fontOptions: { fauxBold: boolean; fauxItalic: boolean }) => string;
    warningCallback?: (message: string) => void;
  }
  export default function SVGtoPDF(doc: PDFKit.PDFDocument, svg: string, x: number, y: number, options?: SvgToPdfOptions): void;
}

declare module 'vega' {
  /** The text properties of a scenegraph item that fix its width. */
  interface TextItem {
    readonly font?: string;
    readonly fontSize?: number;
    readonly fontWeight?: string | number;
    readonly fontStyle?: string;
    /** Maximum width in pixels; longer text is truncated with an ellipsis. */
    readonly limit?: number;
  }
  /** vega-scenegraph's text measurement; assigning `width` replaces its estimate (as vl-convert does). */
  export const textMetrics: { width: (item: TextItem, text: unknown) => number };
}
