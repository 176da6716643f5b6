import {
  checkSuperAdminIdCardNumber,
  checkSuperAdmin,
  checkSuperAdminName,
  checkChineseOrLatinName,
} from '../../src/domain/superAdminIdentity';

const NOW = new Date('2026-11-26T00:00:00Z');
const failureOf = (result: { ok: boolean; message?: string }) =>
  result.ok ? null : (result.message ?? '');

describe('admin ID number by document type', () => {
  it('ID_CARD: GB 11643 as for personal verification', () => {
    expect(checkSuperAdminIdCardNumber('ID_CARD', '11010519491231002x', NOW)).toEqual({
      ok: true,
      value: '11010519491231002X',
    });
    expect(failureOf(checkSuperAdminIdCardNumber('ID_CARD', '110105194912310021', NOW))).toMatch(
      /校验位/,
    );
  });

  it('HONGKONG_MACAO_AND_TAIWAN: ID-card format with region 810000/820000/830000', () => {
    for (const id of ['810000198001010014', '820000198512120022', '830000199003150035']) {
      expect(checkSuperAdminIdCardNumber('HONGKONG_MACAO_AND_TAIWAN', id, NOW)).toEqual({
        ok: true,
        value: id,
      });
    }
    // A valid mainland ID number is not a residence permit number.
    expect(
      failureOf(
        checkSuperAdminIdCardNumber('HONGKONG_MACAO_AND_TAIWAN', '11010519491231002X', NOW),
      ),
    ).toMatch(/810000.*820000.*830000/);
    // The check character is verified, and the message speaks of the permit.
    expect(
      failureOf(
        checkSuperAdminIdCardNumber('HONGKONG_MACAO_AND_TAIWAN', '810000198001010015', NOW),
      ),
    ).toBe('居住证号码校验位不正确，请核对是否输错');
  });

  it('HONGKONG_AND_MACAO: H or M and 10 digits (11 characters, as ESS checks), upper-cased', () => {
    expect(checkSuperAdminIdCardNumber('HONGKONG_AND_MACAO', 'h1234567890')).toEqual({
      ok: true,
      value: 'H1234567890',
    });
    expect(checkSuperAdminIdCardNumber('HONGKONG_AND_MACAO', 'M 1234 5678 90').ok).toBe(true);
    // 8 digits (what the card face shows without the issue count) is not what ESS takes.
    for (const bad of [
      'H12345678',
      'M12345678',
      'H1234567',
      'H123456789',
      'X1234567890',
      '12345678901',
      'H12345678901',
      'HK123456789',
    ]) {
      expect(failureOf(checkSuperAdminIdCardNumber('HONGKONG_AND_MACAO', bad))).toBe(
        '通行证号码应为H或M开头，后接10位数字，共11位',
      );
    }
    // An ID card number is not a travel permit number.
    expect(checkSuperAdminIdCardNumber('HONGKONG_AND_MACAO', '11010519491231002X').ok).toBe(false);
  });
});

describe('admin names', () => {
  it('ID_CARD holders: Chinese names only', () => {
    expect(checkSuperAdminName(' 张 三 ', 'ID_CARD')).toEqual({ ok: true, value: '张三' });
    expect(checkSuperAdminName('Chan Tai Man', 'ID_CARD').ok).toBe(false);
  });

  it('Hong Kong, Macao and Taiwan documents: Chinese or Latin names', () => {
    expect(checkSuperAdminName('  CHAN   Tai-man ', 'HONGKONG_AND_MACAO')).toEqual({
      ok: true,
      value: 'CHAN Tai-man',
    });
    expect(checkSuperAdminName('陈大文', 'HONGKONG_MACAO_AND_TAIWAN')).toEqual({
      ok: true,
      value: '陈大文',
    });
    expect(checkSuperAdminName('Chan 2', 'HONGKONG_AND_MACAO').ok).toBe(false);
    expect(checkSuperAdminName('陈Tai Man', 'HONGKONG_AND_MACAO').ok).toBe(false);
    expect(checkChineseOrLatinName('A'.repeat(51)).ok).toBe(false);
  });
});

describe('checkSuperAdmin', () => {
  it('normalises the whole identity; the ID number is optional', () => {
    expect(
      checkSuperAdmin({ superAdminName: '王五', superAdminMobile: '+86 139 0013 9000' }, NOW),
    ).toEqual({
      ok: true,
      value: {
        superAdminName: '王五',
        superAdminMobile: '13900139000',
        superAdminIdCardType: 'ID_CARD',
      },
    });
    expect(
      checkSuperAdmin(
        {
          superAdminName: 'Chan Tai Man',
          superAdminMobile: '13900139000',
          superAdminIdCardType: 'HONGKONG_AND_MACAO',
          superAdminIdCardNumber: 'h1234567890',
        },
        NOW,
      ),
    ).toEqual({
      ok: true,
      value: {
        superAdminName: 'Chan Tai Man',
        superAdminMobile: '13900139000',
        superAdminIdCardType: 'HONGKONG_AND_MACAO',
        superAdminIdCardNumber: 'H1234567890',
      },
    });
  });

  it('reports every field at once, and an unknown document type', () => {
    const result = checkSuperAdmin(
      {
        superAdminName: '',
        superAdminMobile: '1390013900',
        superAdminIdCardNumber: '110105194912310021',
      },
      NOW,
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && Object.keys(result.errors).sort()).toEqual([
      'superAdminIdCardNumber',
      'superAdminMobile',
      'superAdminName',
    ]);
    const unknownType = checkSuperAdmin(
      { superAdminName: '王五', superAdminMobile: '13900139000', superAdminIdCardType: 'PASSPORT' },
      NOW,
    );
    expect(!unknownType.ok && unknownType.errors).toEqual({
      superAdminIdCardType: '证件类型只能是居民身份证、港澳居民来往内地通行证、港澳台居民居住证',
    });
  });
});
