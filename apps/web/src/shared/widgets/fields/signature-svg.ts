/** A stroke of the signature pad, in canvas pixels. */
export type Stroke = { x: number; y: number }[];

/** The form engine keeps a file's url under 2,000 characters: the signature is an SVG path, thinned to fit. */
export const MAX_SIGNATURE_URL = 2000;

function thin(stroke: Stroke, tolerance: number): Stroke {
  if (stroke.length <= 2) return stroke;
  const out: Stroke = [stroke[0]];
  for (const p of stroke.slice(1, -1)) {
    const last = out[out.length - 1];
    if (Math.hypot(p.x - last.x, p.y - last.y) >= tolerance) out.push(p);
  }
  out.push(stroke[stroke.length - 1]);
  return out;
}

function pathOf(strokes: Stroke[]): string {
  return strokes
    .map((s) => {
      const [first, ...rest] = s.map((p) => ({ x: Math.round(p.x), y: Math.round(p.y) }));
      let prev = first;
      const steps = rest.map((p) => {
        const step = `${p.x - prev.x} ${p.y - prev.y}`;
        prev = p;
        return step;
      });
      return `M${first.x} ${first.y}l${steps.length ? steps.join(' ') : '0 0'}`;
    })
    .join('');
}

/** An SVG data URL of the strokes, thinned until it fits; null when nothing was drawn or it cannot fit. */
export function signatureDataUrl(strokes: Stroke[], width: number, height: number): string | null {
  const drawn = strokes.filter((s) => s.length > 0);
  if (drawn.length === 0) return null;
  for (let tolerance = 1; tolerance <= 24; tolerance *= 1.5) {
    const path = pathOf(drawn.map((s) => thin(s, tolerance)));
    const svg =
      `<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 ${width} ${height}'>` +
      `<path d='${path}' fill='none' stroke='black' stroke-width='2.5' stroke-linecap='round' stroke-linejoin='round'/></svg>`;
    const url = `data:image/svg+xml,${svg.replace(/</g, '%3C').replace(/>/g, '%3E').replace(/#/g, '%23')}`;
    if (url.length <= MAX_SIGNATURE_URL) return url;
  }
  return null;
}
