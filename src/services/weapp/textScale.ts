/** WeChat's 字体大小 setting (适老化: 小程序适老化设计指南), as a scale of the standard size. */
import Taro from '@tarojs/taro';
import { clampTextScale } from '../textScale';

interface FontSizeInfo {
  /** User font size ÷ standard font size (WeChat computes it). */
  fontSizeScaleFactor?: number;
  /** User font size in px. */
  fontSizeSetting?: number;
}

/** iOS WeChat's standard font size (Android's is 16; the factor above already accounts for it). */
const STANDARD_FONT_PX = 17;

function read(api: (() => unknown) | undefined): FontSizeInfo | undefined {
  if (typeof api !== 'function') return undefined;
  try {
    return (api() ?? undefined) as FontSizeInfo | undefined;
  } catch {
    return undefined;
  }
}

export function wechatTextScale(): number {
  const sources = [read(Taro.getAppBaseInfo), read(Taro.getSystemInfoSync)];
  const factor = sources.find((info) => typeof info?.fontSizeScaleFactor === 'number');
  if (factor) return clampTextScale(factor.fontSizeScaleFactor as number);
  const setting = sources.find((info) => typeof info?.fontSizeSetting === 'number');
  if (setting) return clampTextScale((setting.fontSizeSetting as number) / STANDARD_FONT_PX);
  return 1;
}
