/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015, as the emulator checks it: 18
 * characters of the 31-character alphabet (digits and capitals without I, O, S, V, Z); the 18th is
 * the MOD 31 check character of the first 17, weighted 3^i mod 31. Written from the standard, not
 * taken from the product: the emulator is an independent witness, and
 * tests/domain/organizationCreditCode.test.ts checks that both implementations agree.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

/** The weight of position `i` (0-based): 3^i mod 31 (1, 3, 9, 27, 19, 26, …). */
const weight = (i: number): number => {
  let w = 1;
  for (let k = 0; k < i; k += 1) w = (w * 3) % 31;
  return w;
};

export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += ALPHABET.indexOf(first17[i]) * weight(i);
  return ALPHABET[(31 - (sum % 31)) % 31];
}

export function isValidUniformSocialCreditCode(code: string): boolean {
  return SHAPE.test(code) && creditCodeCheckChar(code) === code[17];
}
