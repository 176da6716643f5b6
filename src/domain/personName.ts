/**
 * Names as printed on a resident identity card: Chinese characters (incl. rare characters
 * outside the BMP), with the middle dot `·` used in many ethnic-minority names.
 */
import type { FieldCheck } from './fieldCheck';

/** Han characters: CJK Unified Ideographs, Extension A, Compatibility, and supplementary planes. */
const HAN =
  '(?:[\\u3400-\\u4DBF\\u4E00-\\u9FFF\\uF900-\\uFAFF]|[\\uD840-\\uD87F][\\uDC00-\\uDFFF])';
const NAME_PATTERN = new RegExp(`^${HAN}+(?:·${HAN}+)*$`);
const DOT_VARIANTS = /[•・∙⋅●.．。]/g;

export function normalizePersonName(raw: string): string {
  return String(raw ?? '')
    .replace(/[\s\u3000]+/g, '')
    .replace(DOT_VARIANTS, '·');
}

/** Length in characters as a person counts them (a surrogate pair is one character). */
function charLength(value: string): number {
  return Array.from(value).length;
}

export function checkPersonName(raw: string): FieldCheck {
  const value = normalizePersonName(raw);
  if (!value) return { ok: false, value, message: '请输入姓名' };
  if (!NAME_PATTERN.test(value)) {
    return { ok: false, value, message: '请输入身份证上的中文姓名（少数民族姓名可用“·”分隔）' };
  }
  const length = charLength(value);
  if (length < 2) return { ok: false, value, message: '姓名至少2个字' };
  if (length > 30) return { ok: false, value, message: '姓名不能超过30个字' };
  return { ok: true, value };
}
