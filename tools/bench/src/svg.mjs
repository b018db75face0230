// A dependency-free SVG chart: latency percentiles (p50, p90, p99) per measured figure, one
// horizontal group of bars each, on a logarithmic millisecond axis with the value written out.
const COLORS = { p50: '#4c78a8', p90: '#f58518', p99: '#e45756' };

function esc(s) {
  return String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
}

/** rows: [{ label, p50, p90, p99, target? }] in milliseconds. */
export function latencyChartSvg(rows, title) {
  const left = 300;
  const width = 980;
  const plot = width - left - 90;
  const barH = 11;
  const groupH = barH * 3 + 16;
  const top = 58;
  const height = top + rows.length * groupH + 40;
  const values = rows.flatMap((r) => [r.p50, r.p90, r.p99, r.target ?? 0]).filter((v) => v > 0);
  const lo = 0.1;
  const hi = Math.max(10, ...values) * 1.5;
  const x = (v) => left + (Math.log10(Math.max(v, lo)) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo)) * plot;
  const out = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" font-size="12">`);
  out.push(`<rect width="100%" height="100%" fill="#fff"/>`);
  out.push(`<text x="${width / 2}" y="22" text-anchor="middle" font-size="15" font-weight="bold">${esc(title)}</text>`);
  let lx = left;
  for (const k of Object.keys(COLORS)) {
    out.push(`<rect x="${lx}" y="34" width="12" height="10" fill="${COLORS[k]}"/><text x="${lx + 16}" y="43">${k}</text>`);
    lx += 60;
  }
  out.push(`<line x1="${lx + 10}" y1="39" x2="${lx + 30}" y2="39" stroke="#000" stroke-dasharray="3,2"/><text x="${lx + 34}" y="43">target</text>`);
  for (const tick of [0.1, 1, 10, 100, 1000, 10000].filter((t) => t <= hi)) {
    const tx = x(tick);
    out.push(`<line x1="${tx}" y1="${top - 6}" x2="${tx}" y2="${height - 32}" stroke="#ddd"/>`);
    out.push(`<text x="${tx}" y="${height - 18}" text-anchor="middle" fill="#555">${tick} ms</text>`);
  }
  rows.forEach((r, i) => {
    const y0 = top + i * groupH;
    out.push(`<text x="${left - 8}" y="${y0 + barH * 1.5 + 4}" text-anchor="end">${esc(r.label)}</text>`);
    ['p50', 'p90', 'p99'].forEach((k, j) => {
      const v = r[k];
      if (!Number.isFinite(v)) return;
      const y = y0 + j * barH;
      if (v <= 0) {
        // Before the reference point (e.g. sent before the API's answer arrived): no bar, the value written out.
        out.push(`<text x="${left + 4}" y="${y + barH - 3}" font-size="10" fill="#333">${k} ${v.toFixed(0)} (before)</text>`);
        return;
      }
      out.push(`<rect x="${left}" y="${y}" width="${Math.max(1, x(v) - left)}" height="${barH - 2}" fill="${COLORS[k]}"/>`);
      out.push(`<text x="${x(v) + 4}" y="${y + barH - 3}" font-size="10" fill="#333">${v < 10 ? v.toFixed(1) : Math.round(v)}</text>`);
    });
    if (r.target) {
      const tx = x(r.target);
      out.push(`<line x1="${tx}" y1="${y0 - 2}" x2="${tx}" y2="${y0 + barH * 3}" stroke="#000" stroke-dasharray="3,2"/>`);
    }
  });
  out.push('</svg>');
  return out.join('\n') + '\n';
}
