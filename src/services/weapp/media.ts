/** WeChat clipboard and photo album. */
import Taro from '@tarojs/taro';
import { saveImageFailure } from '../media';
import type { SaveImageResult } from '../types';
import { callWx, ignoreRejection, isCancel } from './wxApi';

/** `fail auth deny`, `fail auth denied`, `fail authorize no response`: the album permission. */
const PERMISSION_DENIED = /auth\s*den|authoriz/i;

export async function copyText(text: string): Promise<boolean> {
  // WeChat shows its own "内容已复制" toast on success.
  const outcome = await callWx((callbacks) => Taro.setClipboardData({ data: text, ...callbacks }));
  return outcome.ok;
}

export async function saveImage(url: string): Promise<SaveImageResult> {
  const download = await callWx<Taro.downloadFile.FileSuccessCallbackResult>((callbacks) =>
    Taro.downloadFile({ url, ...callbacks }),
  );
  if (!download.ok || download.value.statusCode !== 200) return saveImageFailure('failed');
  const filePath = download.value.tempFilePath;
  const saved = await callWx((callbacks) =>
    Taro.saveImageToPhotosAlbum({ filePath, ...callbacks }),
  );
  if (saved.ok) return { ok: true };
  if (PERMISSION_DENIED.test(saved.errMsg)) return saveImageFailure('denied');
  return saveImageFailure(isCancel(saved) ? 'cancelled' : 'failed');
}

/** WeChat opens its settings page only from a tap (base library 2.3.0+). */
export function openPermissionSettings(): void {
  if (typeof Taro.openSetting !== 'function') return;
  ignoreRejection(Taro.openSetting({ fail: () => undefined }));
}
