/**
 * A small, synchronous writer of XLSX workbooks (Office Open XML SpreadsheetML, ECMA-376), for the few things the
 * indicator workbooks need: text and number cells, bold and larger fonts, wrapped columns, number formats, column
 * widths and row heights, hyperlinks (to web addresses and to other sheets) and one Excel table per sheet.
 *
 * Every text cell is a shared string (never a formula), every number a number. The parts are generated as strings in a
 * fixed order and zipped by `zipParts` with the given date, so the same workbook always gives the same bytes.
 * It replaces ExcelJS in the build: ExcelJS builds an object per cell and writes asynchronously, which made the
 * workbooks cost seconds; this writes the same XML directly. ExcelJS still reads the result back in the tests.
 */
import { crc32, deflateRawSync } from "node:zlib";

/** A link: to a web address, or to a place in the workbook written `#'Sheet'!A1`. */
export interface Link {
  text: string;
  hyperlink: string;
}
export type CellValue = string | number | null | Link;

export interface CellStyle {
  bold?: boolean;
  /** Font size in points (default 11). */
  size?: number;
  /** Wrap text and align to the top of the cell. */
  wrap?: boolean;
  /** Number format code, e.g. "#,##0.0". */
  numFmt?: string;
}

export interface Cell {
  value: CellValue;
  style?: CellStyle;
}

export interface Row {
  /** Cells from column A; null or an empty string leaves the cell out (a truly blank cell). */
  cells: (CellValue | Cell)[];
  /** Row height in points; omitted for the default. */
  height?: number;
  /** Style of every cell of the row (a cell's own style adds to it). */
  style?: CellStyle;
}

export interface Table {
  /** Unique in the workbook, letters, digits and underscores (e.g. Figures_table). */
  name: string;
  /** 1-based row of the header; the table starts in column A and has one column per header. */
  headerRow: number;
  headers: string[];
  /** Number of data rows under the header. */
  rows: number;
}

export interface Sheet {
  name: string;
  /** Width in characters of each column from A, and whether its cells wrap. */
  columns: { width: number; wrap?: boolean }[];
  /** Rows from row 1. */
  rows: Row[];
  table?: Table;
}

export interface WorkbookProps {
  title: string;
  subject: string;
  keywords: string;
  creator: string;
  /** The document's created and modified date, and the date of every zip entry. */
  date: Date;
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const CT = "application/vnd.openxmlformats-officedocument.spreadsheetml";

// Characters XML 1.0 cannot hold (controls other than tab and newlines, lone surrogates, U+FFFE/U+FFFF) are written
// as Excel's _xHHHH_ escapes; a literal "_x0041_" in the text is protected the same way (its "_" becomes _x005F_).
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|_(?=x[0-9A-Fa-f]{4}_)/g;
const hex4 = (c: string) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`;

/** Text as XML character data or an attribute value (quotes escaped too). */
export function xmlText(s: string): string {
  return s.replace(NOT_XML, hex4).replace(/[&<>"']/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : c === '"' ? "&quot;" : "&apos;"));
}

/** Column letters of a 1-based column number (1 → A, 27 → AA). */
export function columnName(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** Built-in number formats Excel knows by id; any other code is declared in styles.xml from id 164. */
const BUILTIN_FORMATS: Record<string, number> = { General: 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4 };

class Styles {
  private readonly fonts = new Map<string, number>([["11|", 0]]);
  private readonly formats = new Map<string, number>();
  private readonly xfs = new Map<string, number>([["0|0|", 0]]);
  private readonly xfList: { font: number; fmt: number; wrap: boolean }[] = [{ font: 0, fmt: 0, wrap: false }];
  private readonly fontList: { size: number; bold: boolean }[] = [{ size: 11, bold: false }];

  /** The cellXfs index of a style (0 is the default). */
  index(s: CellStyle | undefined): number {
    if (!s || (!s.bold && !s.size && !s.wrap && !s.numFmt)) return 0;
    const size = s.size ?? 11;
    const bold = s.bold === true;
    const fontKey = `${size}|${bold ? "b" : ""}`;
    let font = this.fonts.get(fontKey);
    if (font === undefined) {
      font = this.fontList.push({ size, bold }) - 1;
      this.fonts.set(fontKey, font);
    }
    let fmt = 0;
    if (s.numFmt) {
      fmt = BUILTIN_FORMATS[s.numFmt] ?? this.formats.get(s.numFmt) ?? 164 + this.formats.size;
      if (BUILTIN_FORMATS[s.numFmt] === undefined && !this.formats.has(s.numFmt)) this.formats.set(s.numFmt, fmt);
    }
    const wrap = s.wrap === true;
    const key = `${font}|${fmt}|${wrap ? "w" : ""}`;
    let xf = this.xfs.get(key);
    if (xf === undefined) {
      xf = this.xfList.push({ font, fmt, wrap }) - 1;
      this.xfs.set(key, xf);
    }
    return xf;
  }

  xml(): string {
    const numFmts = [...this.formats].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${xmlText(code)}"/>`).join("");
    const fonts = this.fontList.map((f) => `<font>${f.bold ? "<b/>" : ""}<sz val="${f.size}"/><name val="Calibri"/><family val="2"/></font>`).join("");
    const xfs = this.xfList
      .map(
        (x) =>
          `<xf numFmtId="${x.fmt}" fontId="${x.font}" fillId="0" borderId="0" xfId="0"${x.fmt ? ' applyNumberFormat="1"' : ""}${x.font ? ' applyFont="1"' : ""}${x.wrap ? ' applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>' : "/>"}`,
      )
      .join("");
    return (
      `${XML_HEAD}<styleSheet xmlns="${NS_MAIN}">` +
      (this.formats.size ? `<numFmts count="${this.formats.size}">${numFmts}</numFmts>` : "") +
      `<fonts count="${this.fontList.length}">${fonts}</fonts>` +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.xfList.length}">${xfs}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      "</styleSheet>"
    );
  }
}

class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly list: string[] = [];
  count = 0;
  of(s: string): number {
    this.count++;
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.list.push(s) - 1;
      this.index.set(s, i);
    }
    return i;
  }
  xml(): string {
    const items = this.list.map((s) => (/^\s|\s$/.test(s) ? `<si><t xml:space="preserve">${xmlText(s)}</t></si>` : `<si><t>${xmlText(s)}</t></si>`));
    return `${XML_HEAD}<sst xmlns="${NS_MAIN}" count="${this.count}" uniqueCount="${this.list.length}">${items.join("")}</sst>`;
  }
}

const isCell = (c: CellValue | Cell): c is Cell => c !== null && typeof c === "object" && "value" in c;
const merge = (...styles: (CellStyle | undefined)[]): CellStyle | undefined => {
  const out: CellStyle = {};
  for (const s of styles) if (s) Object.assign(out, s);
  return Object.keys(out).length ? out : undefined;
};

function relsXml(rels: { id: string; type: string; target: string; external?: boolean }[]): string {
  const items = rels.map((r) => `<Relationship Id="${r.id}" Type="${r.type.startsWith("http") ? r.type : `${REL}/${r.type}`}" Target="${xmlText(r.target)}"${r.external ? ' TargetMode="External"' : ""}/>`);
  return `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">${items.join("")}</Relationships>`;
}

/** The XML of one worksheet, its relationships (links, table) and its table part. */
function sheetParts(sheet: Sheet, tableId: number, strings: SharedStrings, styles: Styles): { xml: string; rels: string | undefined; table: string | undefined } {
  let width = Math.max(sheet.columns.length, sheet.table?.headers.length ?? 0, 1);
  for (const r of sheet.rows) width = Math.max(width, r.cells.length);
  const letters = Array.from({ length: width }, (_, j) => columnName(j + 1));
  const links: { ref: string; link: Link }[] = [];
  const columnStyle = sheet.columns.map((c) => (c.wrap ? { wrap: true } : undefined));
  // The style attribute of each column under a row style, worked out once per row style rather than per cell.
  const attrsByRowStyle = new Map<CellStyle | undefined, string[]>();
  const attrsFor = (rowStyle: CellStyle | undefined): string[] => {
    let a = attrsByRowStyle.get(rowStyle);
    if (!a) {
      a = letters.map((_, j) => {
        const x = styles.index(merge(columnStyle[j], rowStyle));
        return x ? ` s="${x}"` : "";
      });
      attrsByRowStyle.set(rowStyle, a);
    }
    return a;
  };
  const out: string[] = [];
  for (let i = 0; i < sheet.rows.length; i++) {
    const row = sheet.rows[i]!;
    const r = i + 1;
    const attrs = attrsFor(row.style);
    let cells = "";
    for (let j = 0; j < row.cells.length; j++) {
      const raw = row.cells[j]!;
      const own = isCell(raw) ? raw : undefined;
      const v = own ? own.value : (raw as CellValue);
      if (v === null || v === "") continue;
      const ref = `${letters[j]}${r}`;
      let sAttr = attrs[j]!;
      if (own?.style) {
        const x = styles.index(merge(columnStyle[j], row.style, own.style));
        sAttr = x ? ` s="${x}"` : "";
      }
      if (typeof v === "number") {
        if (!Number.isFinite(v)) throw new Error(`spreadsheet cell ${sheet.name}!${ref}: ${v} is not a finite number`);
        cells += `<c r="${ref}"${sAttr}><v>${v}</v></c>`;
      } else {
        const text = typeof v === "string" ? v : v.text;
        if (typeof v !== "string") links.push({ ref, link: v });
        cells += `<c r="${ref}"${sAttr} t="s"><v>${strings.of(text)}</v></c>`;
      }
    }
    const ht = row.height === undefined ? "" : ` ht="${row.height}" customHeight="1"`;
    out.push(`<row r="${r}"${ht}>${cells}</row>`);
  }
  const cols = sheet.columns.map((c, i) => {
    const s = styles.index(columnStyle[i]);
    return `<col min="${i + 1}" max="${i + 1}" width="${c.width}"${s ? ` style="${s}"` : ""} customWidth="1"/>`;
  });
  const rels: { id: string; type: string; target: string; external?: boolean }[] = [];
  // A link to a place in the workbook is a location in it ('Sheet'!A1), with no relationship; a link to a web address
  // is an external relationship. (ExcelJS wrote both for an internal link, which LibreOffice follows to a broken address.)
  const hyperlinks = links.map(({ ref, link }) => {
    if (link.hyperlink.startsWith("#")) return `<hyperlink ref="${ref}" location="${xmlText(link.hyperlink.slice(1))}" display="${xmlText(link.text)}"/>`;
    const id = `rId${rels.push({ id: `rId${rels.length + 1}`, type: "hyperlink", target: link.hyperlink, external: true })}`;
    return `<hyperlink ref="${ref}" r:id="${id}"/>`;
  });
  let table: string | undefined;
  let tablePart = "";
  if (sheet.table) {
    const t = sheet.table;
    const ref = `A${t.headerRow}:${columnName(t.headers.length)}${t.headerRow + Math.max(t.rows, 1)}`;
    const id = `rId${rels.push({ id: `rId${rels.length + 1}`, type: "table", target: `../tables/table${tableId}.xml` })}`;
    tablePart = `<tableParts count="1"><tablePart r:id="${id}"/></tableParts>`;
    const columns = t.headers.map((h, i) => `<tableColumn id="${i + 1}" name="${xmlText(h)}"/>`).join("");
    table =
      `${XML_HEAD}<table xmlns="${NS_MAIN}" id="${tableId}" name="${t.name}" displayName="${t.name}" ref="${ref}" headerRowCount="1" totalsRowShown="0">` +
      `<tableColumns count="${t.headers.length}">${columns}</tableColumns>` +
      '<tableStyleInfo name="TableStyleLight1" showFirstColumn="0" showLastColumn="0" showRowStripes="0" showColumnStripes="0"/></table>';
  }
  const lastRow = Math.max(sheet.rows.length, 1);
  const xml =
    `${XML_HEAD}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_R}"><dimension ref="A1:${columnName(width)}${lastRow}"/>` +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    (cols.length ? `<cols>${cols.join("")}</cols>` : "") +
    `<sheetData>${out.join("")}</sheetData>` +
    (hyperlinks.length ? `<hyperlinks>${hyperlinks.join("")}</hyperlinks>` : "") +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    tablePart +
    "</worksheet>";
  return { xml, rels: rels.length ? relsXml(rels) : undefined, table };
}

/** The parts of a workbook (name and XML), in the order they are zipped. */
export function workbookParts(sheets: Sheet[], props: WorkbookProps): [name: string, xml: string][] {
  const names = new Set<string>();
  for (const s of sheets) {
    if (s.name.length > 31 || /[\\/?*[\]:]/.test(s.name) || names.has(s.name.toLowerCase())) throw new Error(`spreadsheet: sheet name "${s.name}" is too long, has a symbol Excel refuses, or is used twice`);
    names.add(s.name.toLowerCase());
  }
  const strings = new SharedStrings();
  const styles = new Styles();
  let tableCount = 0;
  const sheetXml = sheets.map((s) => sheetParts(s, s.table ? ++tableCount : 0, strings, styles));
  const iso = `${props.date.toISOString().slice(0, 19)}Z`;
  const parts: [string, string][] = [];
  const overrides = [
    `<Override PartName="/xl/workbook.xml" ContentType="${CT}.sheet.main+xml"/>`,
    ...sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${CT}.worksheet+xml"/>`),
    `<Override PartName="/xl/styles.xml" ContentType="${CT}.styles+xml"/>`,
    `<Override PartName="/xl/sharedStrings.xml" ContentType="${CT}.sharedStrings+xml"/>`,
    ...Array.from({ length: tableCount }, (_, i) => `<Override PartName="/xl/tables/table${i + 1}.xml" ContentType="${CT}.table+xml"/>`),
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>',
    '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>',
  ];
  parts.push([
    "[Content_Types].xml",
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${overrides.join("")}</Types>`,
  ]);
  parts.push([
    "_rels/.rels",
    relsXml([
      { id: "rId1", type: "officeDocument", target: "xl/workbook.xml" },
      { id: "rId2", type: `${NS_PKG_REL}/metadata/core-properties`, target: "docProps/core.xml" },
      { id: "rId3", type: "extended-properties", target: "docProps/app.xml" },
    ]),
  ]);
  parts.push([
    "docProps/core.xml",
    `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
      `<dc:creator>${xmlText(props.creator)}</dc:creator><dc:title>${xmlText(props.title)}</dc:title><dc:subject>${xmlText(props.subject)}</dc:subject><cp:keywords>${xmlText(props.keywords)}</cp:keywords>` +
      `<cp:lastModifiedBy>${xmlText(props.creator)}</cp:lastModifiedBy><dcterms:created xsi:type="dcterms:W3CDTF">${iso}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${iso}</dcterms:modified></cp:coreProperties>`,
  ]);
  parts.push([
    "docProps/app.xml",
    `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Microsoft Excel</Application>` +
      `<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>${sheets.length}</vt:i4></vt:variant></vt:vector></HeadingPairs>` +
      `<TitlesOfParts><vt:vector size="${sheets.length}" baseType="lpstr">${sheets.map((s) => `<vt:lpstr>${xmlText(s.name)}</vt:lpstr>`).join("")}</vt:vector></TitlesOfParts></Properties>`,
  ]);
  parts.push([
    "xl/workbook.xml",
    `${XML_HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_R}"><bookViews><workbookView activeTab="0"/></bookViews><sheets>${sheets.map((s, i) => `<sheet name="${xmlText(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")}</sheets></workbook>`,
  ]);
  parts.push([
    "xl/_rels/workbook.xml.rels",
    relsXml([
      ...sheets.map((_, i) => ({ id: `rId${i + 1}`, type: "worksheet", target: `worksheets/sheet${i + 1}.xml` })),
      { id: `rId${sheets.length + 1}`, type: "styles", target: "styles.xml" },
      { id: `rId${sheets.length + 2}`, type: "sharedStrings", target: "sharedStrings.xml" },
    ]),
  ]);
  sheetXml.forEach((s, i) => {
    parts.push([`xl/worksheets/sheet${i + 1}.xml`, s.xml]);
    if (s.rels) parts.push([`xl/worksheets/_rels/sheet${i + 1}.xml.rels`, s.rels]);
  });
  let t = 0;
  for (const s of sheetXml) if (s.table) parts.push([`xl/tables/table${++t}.xml`, s.table]);
  parts.push(["xl/styles.xml", styles.xml()]);
  parts.push(["xl/sharedStrings.xml", strings.xml()]);
  return parts;
}

/** The workbook as the bytes of an .xlsx file. */
export function workbookBytes(sheets: Sheet[], props: WorkbookProps): Uint8Array {
  return zipParts(
    workbookParts(sheets, props).map(([name, xml]) => [name, Buffer.from(xml, "utf8")]),
    props.date,
  );
}

/**
 * A zip archive of the given files, in the given order, every entry dated `date` (DOS time, to the second, UTC) and
 * compressed with deflate (Node's zlib), with no extra fields: the same files and date always give the same bytes.
 */
export function zipParts(files: [name: string, data: Uint8Array][], date: Date): Uint8Array {
  const time = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1);
  const day = ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of files) {
    const nameBytes = Buffer.from(name, "utf8");
    // Level 1: about twice as fast as the default for 15% larger workbooks (the XML is mostly shared-string indices).
    const packed = deflateRawSync(data, { level: 1 });
    const crc = crc32(data);
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    head.writeUInt16LE(0x0800, 6); // names are UTF-8
    head.writeUInt16LE(8, 8); // deflate
    head.writeUInt16LE(time, 10);
    head.writeUInt16LE(day, 12);
    head.writeUInt32LE(crc, 14);
    head.writeUInt32LE(packed.length, 18);
    head.writeUInt32LE(data.length, 22);
    head.writeUInt16LE(nameBytes.length, 26);
    chunks.push(head, nameBytes, packed);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4); // made by: DOS, 2.0
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt16LE(time, 12);
    entry.writeUInt16LE(day, 14);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(packed.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, nameBytes);
    offset += head.length + nameBytes.length + packed.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...chunks, dir, end]));
}
