/** Messages shared by the platform adapters' clipboard and image-saving functions. */
import type { SaveImageResult } from './types';

export const COPY_FAILED_MESSAGE = '复制失败，请长按链接手动复制';

const SAVE_IMAGE_MESSAGES: Record<Extract<SaveImageResult, { ok: false }>['reason'], string> = {
  denied: '没有保存到相册的权限。请点击“去设置”，允许“保存到相册”后再试一次',
  cancelled: '已取消保存',
  failed: '图片保存失败，请稍后重试，也可以长按二维码保存',
};

export function saveImageFailure(
  reason: Extract<SaveImageResult, { ok: false }>['reason'],
): SaveImageResult {
  return { ok: false, reason, message: SAVE_IMAGE_MESSAGES[reason] };
}
