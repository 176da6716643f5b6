import {
  checkUniformSocialCreditCode,
  creditCodeCheckChar,
  isValidUniformSocialCreditCode,
} from '../../src/domain/creditCode';
import * as emulatorCreditCode from '../../emulator/creditCode';

/** Codes published on business licences and in public registries (GB 32100 check characters). */
const PUBLIC_CODES = [
  '91350100M000100Y43', // the example commonly cited for GB 32100
  '9144030071526726XG', // 深圳市腾讯计算机系统有限公司
  '91440300708461136T', // 腾讯科技（深圳）有限公司
  '914403001922038216', // 华为技术有限公司
  '91110108551385082Q', // 小米科技有限责任公司
  '91330100716105852F', // 阿里巴巴（中国）有限公司
];

describe('unified social credit code (GB 32100)', () => {
  it.each(PUBLIC_CODES)('accepts the real code %s', (code) => {
    expect(isValidUniformSocialCreditCode(code)).toBe(true);
    expect(checkUniformSocialCreditCode(code)).toEqual({ ok: true, value: code });
  });

  it('computes the MOD 31 check character, including 0 and letters', () => {
    expect(creditCodeCheckChar('9144030071526726X')).toBe('G');
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
    expect(creditCodeCheckChar('91440300MA5F00008')).toBe('0');
  });

  it('rejects every other check character', () => {
    const [code] = PUBLIC_CODES;
    const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    const wrong = [...alphabet].filter((c) => c !== code[17]).map((c) => code.slice(0, 17) + c);
    expect(wrong).toHaveLength(30);
    for (const candidate of wrong) {
      const result = checkUniformSocialCreditCode(candidate);
      expect(result.ok).toBe(false);
      expect(!result.ok && result.message).toMatch(/校验位/);
    }
  });

  it('normalises what people paste: lower case, spaces, dashes', () => {
    expect(checkUniformSocialCreditCode(' 9135 0100-m000 100y43 ')).toEqual({
      ok: true,
      value: '91350100M000100Y43',
    });
  });

  it('names the problem: empty, length, letters outside the alphabet', () => {
    const message = (raw: string) => {
      const result = checkUniformSocialCreditCode(raw);
      return result.ok ? null : result.message;
    };
    expect(message('')).toMatch(/请输入/);
    expect(message('91350100M000100Y4')).toMatch(/18位/);
    // I, O, S, V, Z are not used (they look like 1, 0, 5, U, 2).
    expect(message('91350100M000100I43')).toMatch(/不含I、O、S、V、Z/);
    expect(isValidUniformSocialCreditCode('91350100m000100y43')).toBe(false);
  });

  it('agrees with the check the local ESS emulator applies with its own code', () => {
    for (const code of ['91350100M000100Y43', '91350100M000100Y44', '9135010OM000100Y43']) {
      expect(emulatorCreditCode.isValidUniformSocialCreditCode(code)).toBe(
        isValidUniformSocialCreditCode(code),
      );
    }
    expect(emulatorCreditCode.creditCodeCheckChar('91350100M000100Y4')).toBe(
      creditCodeCheckChar('91350100M000100Y4'),
    );
  });
});
