/** How the emulator shows personal values on its pages and in messages (its own, not the product's). */
export function maskPersonName(name: string): string {
  const chars = Array.from(name);
  if (chars.length <= 1) return '*';
  return '*'.repeat(chars.length - 1) + chars[chars.length - 1];
}

export function maskIdNumber(value: string): string {
  if (value.length <= 7) return '*'.repeat(value.length);
  return value.slice(0, 3) + '*'.repeat(value.length - 7) + value.slice(-4);
}
