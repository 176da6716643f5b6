/**
 * The emulator's stand-in for ESS's QR-code images (QR_CODE links): a QR-like SVG drawn from the
 * path (three finder squares, the rest from a hash), so a page shows what an admin would see. It
 * is not a scannable code: the link it would carry only exists in the emulator.
 */
import type { ServerResponse } from 'http';

/** Path prefix of the QR images, as on ESS's CDN. */
export const QR_CODE_PATH = '/imgs/qrcode_urls/';

/** 25x25 modules: three finder squares, the rest on/off from a hash of `seed`. */
export function qrLikeSvg(seed: string): string {
  const size = 25;
  let hash = 2166136261;
  const next = () => {
    for (const char of seed) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0;
    seed = String(hash);
    return hash;
  };
  const finder = (x: number, y: number) =>
    `<rect x="${x}" y="${y}" width="7" height="7"/><rect x="${x + 1}" y="${y + 1}" width="5" height="5" fill="#fff"/><rect x="${x + 2}" y="${y + 2}" width="3" height="3"/>`;
  const inFinder = (x: number, y: number) =>
    (x < 8 && y < 8) || (x >= size - 8 && y < 8) || (x < 8 && y >= size - 8);
  const modules: string[] = [];
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      if (!inFinder(x, y) && next() % 2 === 0) {
        modules.push(`<rect x="${x}" y="${y}" width="1" height="1"/>`);
      }
    }
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="-2 -2 ${size + 4} ${size + 4}" shape-rendering="crispEdges"><rect x="-2" y="-2" width="${size + 4}" height="${size + 4}" fill="#fff"/>${finder(0, 0)}${finder(size - 7, 0)}${finder(0, size - 7)}${modules.join('')}</svg>`;
}

export function sendQrImage(res: ServerResponse, pathname: string): void {
  const body = qrLikeSvg(pathname);
  res.writeHead(200, {
    'Content-Type': 'image/svg+xml',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'public, max-age=604800',
  });
  res.end(body);
}
