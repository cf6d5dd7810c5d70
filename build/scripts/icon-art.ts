// The Atouts Caisse mark: a gold "A" on a rounded red square, the gules and or of Normandy's flag.
// Drawn from geometry (no font, no image file) so every size is rendered sharp, not scaled.
import { PNG } from 'pngjs';

type Rgb = readonly [number, number, number];

export const RED: Rgb = [0xc8, 0x10, 0x2e];
export const GOLD: Rgb = [0xf6, 0xc3, 0x1c];

// Geometry in a unit square (y grows downwards).
const MARGIN = 0.04;
const RADIUS = 0.2;
const APEX = { x: 0.5, y: 0.2 };
const FOOT_Y = 0.81;
const LEG_SPREAD = 0.27;
const STROKE = 0.15;
const BAR = { top: 0.56, bottom: 0.655 };
const SUBSAMPLES = 4;

/** 0 outside, 1 on the background square, 2 on the letter. */
function regionAt(x: number, y: number): 0 | 1 | 2 {
  if (!insideRoundedSquare(x, y)) return 0;
  return insideLetter(x, y) ? 2 : 1;
}

function insideRoundedSquare(x: number, y: number): boolean {
  const lo = MARGIN + RADIUS;
  const hi = 1 - MARGIN - RADIUS;
  const dx = x < lo ? lo - x : x > hi ? x - hi : 0;
  const dy = y < lo ? lo - y : y > hi ? y - hi : 0;
  if (x < MARGIN || x > 1 - MARGIN || y < MARGIN || y > 1 - MARGIN) return false;
  return dx * dx + dy * dy <= RADIUS * RADIUS;
}

function insideLetter(x: number, y: number): boolean {
  if (y > FOOT_Y) return false;
  const left = { x: APEX.x - LEG_SPREAD, y: FOOT_Y };
  const right = { x: APEX.x + LEG_SPREAD, y: FOOT_Y };
  const half = STROKE / 2;
  if (distanceToSegment(x, y, APEX, left) <= half || distanceToSegment(x, y, APEX, right) <= half)
    return true;
  if (y < BAR.top || y > BAR.bottom) return false;
  // The bar spans between the legs' centre lines at its height.
  const t = (y - APEX.y) / (FOOT_Y - APEX.y);
  return Math.abs(x - APEX.x) <= LEG_SPREAD * t;
}

function distanceToSegment(
  px: number,
  py: number,
  a: { x: number; y: number },
  b: { x: number; y: number },
): number {
  const vx = b.x - a.x;
  const vy = b.y - a.y;
  const t = Math.max(0, Math.min(1, ((px - a.x) * vx + (py - a.y) * vy) / (vx * vx + vy * vy)));
  return Math.hypot(px - (a.x + t * vx), py - (a.y + t * vy));
}

/** The mark at `size`×`size` pixels, RGBA, anti-aliased by supersampling. */
export function drawMark(size: number): PNG {
  const png = new PNG({ width: size, height: size });
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let background = 0;
      let letter = 0;
      for (let sy = 0; sy < SUBSAMPLES; sy++) {
        for (let sx = 0; sx < SUBSAMPLES; sx++) {
          const region = regionAt(
            (px + (sx + 0.5) / SUBSAMPLES) / size,
            (py + (sy + 0.5) / SUBSAMPLES) / size,
          );
          if (region === 1) background++;
          else if (region === 2) letter++;
        }
      }
      const covered = background + letter;
      const i = (py * size + px) * 4;
      for (let c = 0; c < 3; c++) {
        png.data[i + c] =
          covered === 0 ? 0 : Math.round(((RED[c] ?? 0) * background + (GOLD[c] ?? 0) * letter) / covered);
      }
      png.data[i + 3] = Math.round((255 * covered) / (SUBSAMPLES * SUBSAMPLES));
    }
  }
  return png;
}

export function encodePng(png: PNG): Buffer {
  return PNG.sync.write(png, { colorType: 6 });
}
