import type JSZip from 'jszip';
import type { ChartState } from '../../emulator/sheet-extras';

/**
 * Embedded charts written into an .xlsx as DrawingML (ExcelJS writes none), from what the add-on built with
 * EmbeddedChartBuilder: the first range gives the categories, the next ones the series, a header row each.
 */

const NS = {
  c: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  xdr: 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing',
};
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const EMU_PER_PIXEL = 9525;
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Adds the charts to the first worksheet of the package, which must be the sheet `sheetName`. */
export async function addCharts(zip: JSZip, sheetName: string, charts: readonly ChartState[]): Promise<void> {
  if (!charts.length) return;
  const anchors = charts.map((chart, i) => {
    const { row, column } = chart.position;
    const [width, height] = [Number(chart.options.width ?? 480), Number(chart.options.height ?? 300)];
    zip.file(`xl/charts/chart${i + 1}.xml`, chartXml(chart, sheetName));
    return `<xdr:oneCellAnchor><xdr:from><xdr:col>${column - 1}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row - 1}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
      `<xdr:ext cx="${width * EMU_PER_PIXEL}" cy="${height * EMU_PER_PIXEL}"/><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="Chart ${i + 1}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${NS.c}"><c:chart r:id="rId${i + 1}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:oneCellAnchor>`;
  });
  zip.file('xl/drawings/drawing1.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}" xmlns:r="${NS.r}" xmlns:c="${NS.c}">${anchors.join('')}</xdr:wsDr>`);
  zip.file('xl/drawings/_rels/drawing1.xml.rels', relationships(charts.map((_, i) => [`rId${i + 1}`, `${REL}/chart`, `../charts/chart${i + 1}.xml`])));

  const sheetPath = 'xl/worksheets/sheet1.xml';
  const sheet = await zip.file(sheetPath)!.async('string');
  const at = ['<legacyDrawing', '<tableParts', '<extLst', '</worksheet>'].map((tag) => sheet.indexOf(tag)).filter((i) => i >= 0).sort((x, y) => x - y)[0]!;
  const withDrawing = `${sheet.slice(0, at)}<drawing r:id="rIdCharts"/>${sheet.slice(at)}`;
  zip.file(sheetPath, withDrawing.includes('xmlns:r=') ? withDrawing : withDrawing.replace('<worksheet ', `<worksheet xmlns:r="${NS.r}" `));
  const relsPath = 'xl/worksheets/_rels/sheet1.xml.rels';
  const rels = zip.file(relsPath) ? await zip.file(relsPath)!.async('string') : relationships([]);
  zip.file(relsPath, rels.replace('</Relationships>', `<Relationship Id="rIdCharts" Type="${REL}/drawing" Target="../drawings/drawing1.xml"/></Relationships>`));
  const types = await zip.file('[Content_Types].xml')!.async('string');
  const overrides = [
    '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>',
    ...charts.map((_, i) => `<Override PartName="/xl/charts/chart${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`),
  ];
  zip.file('[Content_Types].xml', types.replace('</Types>', `${overrides.join('')}</Types>`));
}

function relationships(list: Array<[string, string, string]>): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${list.map(([id, type, target]) => `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`).join('')}</Relationships>`;
}

function chartXml(chart: ChartState, sheetName: string): string {
  const ref = (a1: string, skipHeader: boolean) => {
    const [from, to = from] = a1.replace(/\$/g, '').split(':') as [string, string?];
    const [, col, row] = /^([A-Z]+)(\d+)$/.exec(from)!;
    const start = Number(row) + (skipHeader ? chart.numHeaders : 0);
    const [, endCol, endRow] = /^([A-Z]+)(\d+)$/.exec(to)!;
    return `'${sheetName.replace(/'/g, "''")}'!$${col}$${start}:$${endCol}$${endRow}`;
  };
  const headerOf = (a1: string) => {
    const [, col, row] = /^([A-Z]+)(\d+)/.exec(a1.replace(/\$/g, ''))!;
    return `'${sheetName.replace(/'/g, "''")}'!$${col}$${row}`;
  };
  const [categories, ...series] = chart.ranges;
  const sers = series.map((range, i) =>
    `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>${chart.numHeaders ? `<c:tx><c:strRef><c:f>${headerOf(range)}</c:f></c:strRef></c:tx>` : ''}` +
    `<c:spPr><a:solidFill><a:srgbClr val="4285F4"/></a:solidFill><a:ln w="28575"><a:solidFill><a:srgbClr val="4285F4"/></a:solidFill></a:ln></c:spPr>` +
    `<c:cat><c:strRef><c:f>${ref(categories!, true)}</c:f></c:strRef></c:cat><c:val><c:numRef><c:f>${ref(range, true)}</c:f></c:numRef></c:val>${chart.type === 'LINE' ? '<c:smooth val="0"/>' : ''}</c:ser>`,
  );
  const isBar = chart.type === 'BAR';
  const plot = chart.type === 'LINE'
    ? `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${sers.join('')}<c:marker val="1"/><c:axId val="1"/><c:axId val="2"/></c:lineChart>`
    : `<c:barChart><c:barDir val="${isBar ? 'bar' : 'col'}"/><c:grouping val="clustered"/><c:varyColors val="0"/>${sers.join('')}<c:gapWidth val="60"/><c:axId val="1"/><c:axId val="2"/></c:barChart>`;
  // A horizontal bar chart lists its first category at the bottom unless the axis runs max to min.
  const axes = `<c:catAx><c:axId val="1"/><c:scaling><c:orientation val="${isBar ? 'maxMin' : 'minMax'}"/></c:scaling><c:delete val="0"/><c:axPos val="${isBar ? 'l' : 'b'}"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="2"/></c:catAx>` +
    `<c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${isBar ? 'b' : 'l'}"/><c:majorGridlines/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="1"/></c:valAx>`;
  const title = `<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:pPr><a:defRPr sz="1100" b="1"/></a:pPr><a:r><a:rPr sz="1100" b="1"/><a:t>${escape(String(chart.options.title ?? ''))}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}"><c:chart>${title}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${plot}${axes}</c:plotArea><c:plotVisOnly val="1"/></c:chart></c:chartSpace>`;
}
