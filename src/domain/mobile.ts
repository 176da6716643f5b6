/**
 * Mainland China mobile numbers. Accepts what people type or paste (`+86 138 0013 8000`,
 * `0086-13800138000`, `86 13800138000`) and normalises to the 11-digit form ESS expects.
 */
import type { FieldCheck } from './fieldCheck';

export function normalizeMobile(raw: string): string {
  let digits = String(raw ?? '').replace(/[\s\u3000\-()（）]/g, '');
  if (digits.startsWith('+86')) digits = digits.slice(3);
  else if (digits.startsWith('0086')) digits = digits.slice(4);
  else if (digits.length === 13 && digits.startsWith('86')) digits = digits.slice(2);
  return digits;
}

export function checkMobile(raw: string): FieldCheck {
  const value = normalizeMobile(raw);
  if (!value) return { ok: false, value, message: '请输入手机号' };
  if (!/^\d+$/.test(value)) return { ok: false, value, message: '手机号只能包含数字' };
  if (value.length !== 11) return { ok: false, value, message: '请输入11位手机号' };
  if (!/^1[3-9]\d{9}$/.test(value))
    return { ok: false, value, message: '手机号格式不正确，请核对' };
  return { ok: true, value };
}
