/**
 * The emulator's own check-character rules, written apart from the product's (the emulator is an
 * independent witness: it never imports product code), from the standards themselves:
 * - resident ID number, GB 11643-1999: ISO 7064 MOD 11-2 over 17 digits, weights 2^(17-i) mod 11;
 * - unified social credit code, GB 32100-2015: MOD 31 over 17 characters, weights 3^i mod 31.
 */
const ID_CHECK = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'];

/** The check character (0-9 or X) of an ID number's first 17 digits. */
export function idCardCheckChar(value: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const weight = 2 ** (17 - i) % 11;
    sum += Number(value.charAt(i)) * weight;
  }
  return ID_CHECK[sum % 11];
}

/** GB 32100's 31 characters: digits and capitals without I, O, S, V, Z. */
const CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** The check character of a credit code's first 17 characters (all from the alphabet). */
export function creditCodeCheckChar(value: string): string {
  let sum = 0;
  let weight = 1;
  for (let i = 0; i < 17; i += 1) {
    sum += CODE_CHARS.indexOf(value.charAt(i)) * weight;
    weight = (weight * 3) % 31;
  }
  return CODE_CHARS.charAt((31 - (sum % 31)) % 31);
}

export function isValidUniformSocialCreditCode(code: string): boolean {
  return /^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code) && creditCodeCheckChar(code) === code.charAt(17);
}
