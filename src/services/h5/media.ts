/** Browser clipboard and image download (local H5 build). */
import type { SaveImageResult } from '../types';

/** For pages not served from a secure context (no `navigator.clipboard`), or a refused write. */
function copyWithSelection(text: string): boolean {
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  try {
    return typeof document.execCommand === 'function' && document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
  }
}

export async function copyText(text: string): Promise<boolean> {
  if (typeof navigator !== 'undefined' && navigator.clipboard?.writeText) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // Permission refused or document not focused: try the selection fallback.
    }
  }
  return copyWithSelection(text);
}

/** `…/authorization_enterprise_for_batch_submit/yDCH….png` -> `yDCH….png`. */
function fileNameOf(url: string): string {
  const last = url.split(/[?#]/)[0].split('/').pop();
  return last || 'qrcode.png';
}

/**
 * Hands the image to the browser as a download, in a new tab so this page keeps its state
 * (browsers open a cross-origin image instead of downloading it; the user saves it from there).
 */
export function saveImage(url: string): Promise<SaveImageResult> {
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileNameOf(url);
  anchor.target = '_blank';
  anchor.rel = 'noopener';
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  return Promise.resolve({ ok: true });
}

/** Browsers have no app settings page to open. */
export function openPermissionSettings(): void {}
