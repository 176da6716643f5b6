import { checkIdCardNumber, idCardCheckChar, normalizeIdCardNumber } from '../../src/domain/idCard';

const NOW = new Date('2026-11-26T00:00:00Z');
const check = (raw: string) => checkIdCardNumber(raw, NOW);

describe('resident ID card number (GB 11643)', () => {
  it('accepts a valid number and keeps it as is', () => {
    expect(check('11010519491231002X')).toEqual({ ok: true, value: '11010519491231002X' });
    expect(check('440524198001010013')).toEqual({ ok: true, value: '440524198001010013' });
  });

  it('accepts a lower-case x and normalises it to X', () => {
    expect(check('11010519491231002x')).toEqual({ ok: true, value: '11010519491231002X' });
  });

  it('ignores spaces people type or paste', () => {
    expect(check(' 110105 19491231 002X ')).toEqual({ ok: true, value: '11010519491231002X' });
  });

  it('computes the ISO 7064 MOD 11-2 check character', () => {
    expect(idCardCheckChar('11010519491231002')).toBe('X');
    expect(idCardCheckChar('44052419800101001')).toBe('3');
  });

  it('rejects a wrong check digit with a message that says so', () => {
    const result = check('110105194912310021');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/校验位/);
  });

  it('rejects impossible or future birth dates', () => {
    // 1949-02-30 does not exist; the check digit is recomputed so only the date is wrong.
    const withCheck = (first17: string) => first17 + idCardCheckChar(first17);
    for (const bad of [
      withCheck('11010519490230002'),
      withCheck('11010520300101002'),
      withCheck('11010518991231002'),
    ]) {
      const result = check(bad);
      expect(result.ok).toBe(false);
      expect(!result.ok && result.message).toMatch(/出生日期/);
    }
  });

  it('rejects wrong lengths, old 15-digit numbers, letters and unknown regions', () => {
    expect(check('')).toMatchObject({ ok: false, message: '请输入身份证号' });
    expect(check('11010519491231')).toMatchObject({ ok: false, message: '身份证号应为18位' });
    expect(check('110105491231002')).toMatchObject({
      ok: false,
      message: '请输入18位新版身份证号',
    });
    expect(check('1101051949123100AX')).toMatchObject({ ok: false });
    const unknownRegion = '99010519491231002';
    expect(check(unknownRegion + idCardCheckChar(unknownRegion))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/地区码/),
    });
  });

  it('normalises without validating', () => {
    expect(normalizeIdCardNumber(' 11010519491231002x')).toBe('11010519491231002X');
  });
});
