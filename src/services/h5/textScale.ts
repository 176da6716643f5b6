/** The browser's text size setting (its default font size) applied to the pages. */
import { clampTextScale } from '../textScale';

/** Browsers' standard default font size. */
const STANDARD_FONT_PX = 16;

/**
 * The browser's default font size relative to 16 px. Taro sets the root element's font size from
 * the viewport width, so the user's setting is read from `font-size: medium` instead.
 */
export function browserTextScale(doc: Document = document): number {
  const probe = doc.createElement('div');
  probe.style.cssText = 'position:absolute;visibility:hidden;font-size:medium;';
  doc.body.appendChild(probe);
  const px = parseFloat(doc.defaultView?.getComputedStyle(probe).fontSize ?? '');
  probe.remove();
  return clampTextScale(px / STANDARD_FONT_PX);
}
