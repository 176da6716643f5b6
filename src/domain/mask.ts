/** Masking of personal information for display and for logs (PIPL: show only what is needed). */

/** Keeps the last character only: `张三` -> `*三`, `欧阳娜娜` -> `***娜`. */
export function maskName(name: string): string {
  const chars = Array.from(name ?? '');
  if (chars.length === 0) return '';
  if (chars.length === 1) return '*';
  return '*'.repeat(chars.length - 1) + chars[chars.length - 1];
}

/** `11010519491231002X` -> `110***********002X` (first 3, last 4). */
export function maskIdCardNumber(id: string): string {
  const value = id ?? '';
  if (value.length <= 7) return '*'.repeat(value.length);
  return value.slice(0, 3) + '*'.repeat(value.length - 7) + value.slice(-4);
}

/** `13800138000` -> `138****8000`. */
export function maskMobile(mobile: string): string {
  const value = mobile ?? '';
  if (value.length <= 7) return '*'.repeat(value.length);
  return value.slice(0, 3) + '*'.repeat(value.length - 7) + value.slice(-4);
}
