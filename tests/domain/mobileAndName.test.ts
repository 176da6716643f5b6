import { checkMobile, normalizeMobile } from '../../src/domain/mobile';
import { checkPersonName } from '../../src/domain/personName';
import { checkVerificationInput } from '../../src/domain/verificationInput';

describe('mobile number', () => {
  it.each([
    ['13800138000', '13800138000'],
    ['+86 138 0013 8000', '13800138000'],
    ['+8613800138000', '13800138000'],
    ['0086-138-0013-8000', '13800138000'],
    ['86 13800138000', '13800138000'],
  ])('accepts %s as %s', (raw, expected) => {
    expect(checkMobile(raw)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['', '请输入手机号'],
    ['1380013800', '请输入11位手机号'],
    ['12800138000', '手机号格式不正确，请核对'],
    ['1380013800a', '手机号只能包含数字'],
  ])('rejects %p', (raw, message) => {
    expect(checkMobile(raw)).toMatchObject({ ok: false, message });
  });

  it('does not strip a leading 86 from an 11-digit number', () => {
    expect(normalizeMobile('86123456789')).toBe('86123456789');
  });
});

describe('person name', () => {
  it('trims and accepts Chinese names, ethnic-minority names with ·, and rare characters', () => {
    expect(checkPersonName('  张三 ')).toEqual({ ok: true, value: '张三' });
    expect(checkPersonName('阿卜杜拉·买买提')).toEqual({ ok: true, value: '阿卜杜拉·买买提' });
    expect(checkPersonName('阿卜杜拉•买买提')).toEqual({ ok: true, value: '阿卜杜拉·买买提' });
    expect(checkPersonName('𠮷野')).toEqual({ ok: true, value: '𠮷野' });
  });

  it('rejects empty, Latin, one-character and dangling-dot names', () => {
    expect(checkPersonName('')).toMatchObject({ ok: false, message: '请输入姓名' });
    expect(checkPersonName('Tom')).toMatchObject({ ok: false });
    expect(checkPersonName('张')).toMatchObject({ ok: false, message: '姓名至少2个字' });
    expect(checkPersonName('·张三')).toMatchObject({ ok: false });
    expect(checkPersonName('张三·')).toMatchObject({ ok: false });
    expect(checkPersonName('张'.repeat(31))).toMatchObject({
      ok: false,
      message: '姓名不能超过30个字',
    });
  });
});

describe('the verification form as a whole', () => {
  it('normalises every field when all are valid', () => {
    expect(
      checkVerificationInput({
        name: ' 张三',
        idCardNumber: '11010519491231002x',
        mobile: '+86 13800138000',
      }),
    ).toEqual({
      ok: true,
      value: { name: '张三', idCardNumber: '11010519491231002X', mobile: '13800138000' },
    });
  });

  it('reports every invalid field together, and treats non-strings as empty', () => {
    const result = checkVerificationInput({
      name: 42,
      idCardNumber: '110105194912310021',
      mobile: null,
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && Object.keys(result.errors).sort()).toEqual([
      'idCardNumber',
      'mobile',
      'name',
    ]);
    expect(checkVerificationInput(undefined).ok).toBe(false);
  });
});
