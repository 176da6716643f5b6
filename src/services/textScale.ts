/**
 * The user's text size, from the platform setting (WeChat's 字体大小, the browser's default font
 * size), applied by each page's root (components/PageRoot) as the CSS variable `--font-scale` that
 * every font size in the stylesheets is multiplied by (`calc(30px * var(--font-scale))`).
 * 1 is the standard size.
 */
export const TEXT_SCALE_VARIABLE = '--font-scale';

const MIN_SCALE = 0.85;
const MAX_SCALE = 2;

/** Keeps a reported scale within what the layouts are built and tested for (0.85–2). */
export function clampTextScale(scale: number): number {
  if (!Number.isFinite(scale) || scale <= 0) return 1;
  return Math.round(Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale)) * 100) / 100;
}
