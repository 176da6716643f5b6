/**
 * The emulator is an independent witness: it never imports the product's code, and its own
 * check characters agree with the product's on many generated values.
 */
import { readdirSync, readFileSync, statSync } from 'fs';
import path from 'path';
import { creditCodeCheckChar, idCardCheckChar } from '../../emulator/checkCharacters';
import { creditCodeCheckChar as productCreditCheck } from '../../src/domain/creditCode';
import { idCardCheckChar as productIdCheck } from '../../src/domain/idCard';

const EMULATOR = path.resolve(__dirname, '../../emulator');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sources(full) : full.endsWith('.ts') ? [full] : [];
  });
}

describe('the emulator as an independent witness', () => {
  it('imports nothing outside emulator/ but packages (no product code, no scripts)', () => {
    // Every module specifier: `from '…'`, `import('…')`, `require('…')`.
    const specifiers = /(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"]([^'"]+)['"]/g;
    const offenders = sources(EMULATOR).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(specifiers)]
        .map((match) => match[1])
        .filter((spec) => spec.startsWith('.'))
        .filter((spec) => !path.resolve(path.dirname(file), spec).startsWith(EMULATOR + path.sep))
        .map((spec) => `${path.relative(EMULATOR, file)}: ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it('computes the same check characters as the product, by its own code', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    for (let n = 0; n < 500; n += 1) {
      const digits = Array.from({ length: 17 }, () => String(next() % 10)).join('');
      expect(idCardCheckChar(digits)).toBe(productIdCheck(digits));
      const code = Array.from({ length: 17 }, () => alphabet[next() % 31]).join('');
      expect(creditCodeCheckChar(code)).toBe(productCreditCheck(code));
    }
    expect(idCardCheckChar('11010519491231002')).toBe('X');
  });
});
