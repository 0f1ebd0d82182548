// A grouped bar chart as SVG text, log-scale values (both benchmark reports draw with it). Pure: it
// formats numbers it is given and measures nothing.

export interface ChartGroup {
  readonly name: string;
  /** One value per series (same order as `series`); lower is better. */
  readonly values: ReadonlyArray<number>;
}

export interface BarChart {
  readonly title: string;
  /** Unit of the values, shown on the axis ("ms", "µs"). */
  readonly unit: string;
  readonly series: ReadonlyArray<string>;
  readonly groups: ReadonlyArray<ChartGroup>;
}

const COLORS = ['#1b9e77', '#8dd3c7', '#66a61e', '#7570b3', '#a6761d', '#e7298a', '#d95f02', '#e6ab02'];

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const label = (x: number): string => (x >= 1 ? x.toLocaleString('en-US') : x.toFixed(Math.ceil(-Math.log10(x))));
const fmt = (x: number): string => (x >= 100 ? x.toFixed(0) : x >= 1 ? x.toFixed(2) : x.toPrecision(2));

export const renderBarChart = ({ title, unit, series, groups }: BarChart): string => {
  const width = 1100;
  const height = 520;
  const left = 80;
  const right = 20;
  const top = 60;
  const bottom = 130;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const values = groups.flatMap((g) => g.values).filter((v) => v > 0);
  const minExp = Math.floor(Math.log10(Math.max(1e-6, Math.min(...values))));
  const maxExp = Math.max(minExp + 1, Math.ceil(Math.log10(Math.max(...values))));
  const y = (v: number): number => top + plotH - ((Math.log10(Math.max(v, 10 ** minExp)) - minExp) / (maxExp - minExp)) * plotH;
  const groupW = plotW / Math.max(1, groups.length);
  const barW = (groupW * 0.85) / Math.max(1, series.length);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="white"/>`,
    `<text x="${width / 2}" y="22" text-anchor="middle" font-size="16">${esc(title)}</text>`,
  ];
  for (let e = minExp; e <= maxExp; e++) {
    const yy = y(10 ** e);
    parts.push(`<line x1="${left}" x2="${width - right}" y1="${yy}" y2="${yy}" stroke="#ddd"/>`);
    parts.push(`<text x="${left - 6}" y="${yy + 4}" text-anchor="end">${label(10 ** e)} ${esc(unit)}</text>`);
  }
  groups.forEach((g, gi) => {
    const gx = left + gi * groupW + groupW * 0.075;
    series.forEach((s, si) => {
      const v = g.values[si];
      if (v === undefined || !(v > 0)) return;
      const yy = y(v);
      parts.push(
        `<rect x="${(gx + si * barW).toFixed(1)}" y="${yy.toFixed(1)}" width="${(barW - 1).toFixed(1)}" height="${(top + plotH - yy).toFixed(1)}" fill="${COLORS[si % COLORS.length]}"><title>${esc(`${g.name} — ${s}: ${fmt(v)} ${unit}`)}</title></rect>`,
      );
    });
    const cx = left + gi * groupW + groupW / 2;
    parts.push(
      `<text x="${cx}" y="${top + plotH + 16}" text-anchor="end" transform="rotate(-25 ${cx} ${top + plotH + 16})">${esc(g.name)}</text>`,
    );
  });
  series.forEach((s, si) => {
    const lx = left + (si % 4) * 250;
    const ly = height - 40 + Math.floor(si / 4) * 18;
    parts.push(
      `<rect x="${lx}" y="${ly - 10}" width="12" height="12" fill="${COLORS[si % COLORS.length]}"/><text x="${lx + 18}" y="${ly}">${esc(s)}</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('\n');
};
