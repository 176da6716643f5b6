import {
  checkAuthorizationTypes,
  checkOrganizationRow,
  checkOrganizationRows,
  MAX_ORGANIZATIONS_PER_REQUEST,
  normalizeOrganizationName,
} from '../../src/domain/organizationInput';

const NOW = new Date('2026-11-26T00:00:00Z');

const ROW = {
  organizationName: ' 腾讯科技(深圳)有限公司 ',
  uniformSocialCreditCode: '91440300708461136t',
  legalName: '马化腾',
  address: '  深圳市南山区  ',
  superAdminName: '王 五',
  superAdminMobile: '+86 139-0013-9000',
  superAdminIdCardNumber: '440305198501011231',
  authorizationTypes: [2],
};
const OTHER = {
  ...ROW,
  organizationName: '深圳市腾讯计算机系统有限公司',
  uniformSocialCreditCode: '9144030071526726XG',
};

describe('one organization row', () => {
  it('normalises every field into what ESS takes, in a fixed order', () => {
    const result = checkOrganizationRow(ROW, { now: NOW });
    expect(result.ok).toBe(true);
    const value = result.ok ? result.value : null;
    expect(value).toEqual({
      organizationName: '腾讯科技（深圳）有限公司',
      uniformSocialCreditCode: '91440300708461136T',
      legalName: '马化腾',
      address: '深圳市南山区',
      superAdminName: '王五',
      superAdminMobile: '13900139000',
      superAdminIdCardType: 'ID_CARD',
      superAdminIdCardNumber: '440305198501011231',
      authorizationTypes: [2],
    });
    // The order is part of the contract: the normalised rows are hashed as JSON.
    expect(Object.keys(value ?? {})).toEqual([
      'organizationName',
      'uniformSocialCreditCode',
      'legalName',
      'address',
      'superAdminName',
      'superAdminMobile',
      'superAdminIdCardType',
      'superAdminIdCardNumber',
      'authorizationTypes',
    ]);
  });

  it('leaves optional fields out when empty', () => {
    const result = checkOrganizationRow(
      { ...ROW, address: ' ', superAdminIdCardNumber: '', authorizationTypes: undefined },
      { now: NOW },
    );
    expect(result.ok && Object.keys(result.value)).toEqual([
      'organizationName',
      'uniformSocialCreditCode',
      'legalName',
      'superAdminName',
      'superAdminMobile',
      'superAdminIdCardType',
    ]);
  });

  it('reports every problem of the row by field', () => {
    const result = checkOrganizationRow(
      {
        organizationName: '',
        uniformSocialCreditCode: '91440300708461136X',
        legalName: '',
        superAdminName: 'Wang Wu',
        superAdminMobile: '12345',
        superAdminIdCardType: 'HONGKONG_AND_MACAO',
        superAdminIdCardNumber: '440305198501011231',
        authorizationTypes: [2, 5],
      },
      { now: NOW },
    );
    expect(result).toEqual({
      ok: false,
      fields: {
        organizationName: '请输入企业名称',
        uniformSocialCreditCode: '统一社会信用代码校验位不正确，请核对是否输错',
        legalName: '请输入姓名',
        superAdminMobile: '请输入11位手机号',
        superAdminIdCardNumber: expect.stringMatching(/H或M开头/),
        authorizationTypes: '授权方式只能选择一种',
      },
    });
  });

  it('takes the super admin as optional with a link per enterprise, checked when given', () => {
    const { superAdminName: _name, superAdminMobile: _mobile, ...nobody } = ROW;
    const perEnterprise = checkOrganizationRow(nobody, { now: NOW, batchAuthMethod: 0 });
    expect(perEnterprise.ok && perEnterprise.value).not.toHaveProperty('superAdminName');
    expect(perEnterprise.ok && perEnterprise.value).not.toHaveProperty('superAdminMobile');
    // Only a mobile: kept; a wrong one is still refused.
    const mobileOnly = checkOrganizationRow(
      { ...nobody, superAdminMobile: '13900139000' },
      { now: NOW, batchAuthMethod: 0 },
    );
    expect(mobileOnly.ok && mobileOnly.value.superAdminMobile).toBe('13900139000');
    expect(
      checkOrganizationRow({ ...nobody, superAdminMobile: '1390013' }, { batchAuthMethod: 0 }),
    ).toEqual({ ok: false, fields: { superAdminMobile: '请输入11位手机号' } });
    // One combined link: both required.
    expect(checkOrganizationRow(nobody, { now: NOW, batchAuthMethod: 1 })).toEqual({
      ok: false,
      fields: { superAdminName: '请输入姓名', superAdminMobile: '请输入手机号' },
    });
  });

  it('rejects a row that is not an object', () => {
    expect(checkOrganizationRow('腾讯')).toEqual({
      ok: false,
      fields: { row: '这一行不是有效的企业信息' },
    });
  });

  it('accepts a Latin legal name (foreign legal representatives)', () => {
    expect(checkOrganizationRow({ ...ROW, legalName: 'John Smith' }, { now: NOW }).ok).toBe(true);
  });

  it('turns English brackets into Chinese ones', () => {
    expect(normalizeOrganizationName('A(B)C（D）')).toBe('A（B）C（D）');
  });
});

describe('authorization types', () => {
  it('takes none or exactly one of 1, 2, 5', () => {
    expect(checkAuthorizationTypes(undefined)).toEqual({ ok: true });
    expect(checkAuthorizationTypes([])).toEqual({ ok: true });
    expect(checkAuthorizationTypes([5, 5])).toEqual({ ok: true, value: [5] });
    expect(checkAuthorizationTypes([3]).ok).toBe(false);
    expect(checkAuthorizationTypes(['2']).ok).toBe(false);
    expect(checkAuthorizationTypes(2).ok).toBe(false);
  });

  it('refuses 上传授权书 for a single combined link (ESS then needs the file itself)', () => {
    expect(checkAuthorizationTypes([1], 0)).toEqual({ ok: true, value: [1] });
    const combined = checkAuthorizationTypes([1], 1);
    expect(!combined.ok && combined.message).toMatch(/上传授权书/);
    // It is this product's limit (it does not upload the file), not ESS's.
    expect(!combined.ok && combined.message).toMatch(/本工具暂不支持上传文件/);
    expect(!combined.ok && combined.message).not.toMatch(/腾讯电子签不支持/);
  });
});

describe('a whole submission', () => {
  it('answers the normalised rows in order', () => {
    const result = checkOrganizationRows([ROW, OTHER], { now: NOW });
    expect(result.ok && result.value.map((row) => row.uniformSocialCreditCode)).toEqual([
      '91440300708461136T',
      '9144030071526726XG',
    ]);
  });

  it('reports the problems of all rows together, by index', () => {
    const result = checkOrganizationRows(
      [
        ROW,
        { ...OTHER, superAdminMobile: '1390013900' },
        { ...OTHER, organizationName: '华为技术有限公司', uniformSocialCreditCode: '' },
      ],
      { now: NOW },
    );
    expect(result.ok).toBe(false);
    expect(
      !result.ok && result.rowErrors.map((error) => [error.index, Object.keys(error.fields)]),
    ).toEqual([
      [1, ['superAdminMobile']],
      [2, ['uniformSocialCreditCode']],
    ]);
  });

  it('finds duplicate names and codes after normalisation, even in rows with other problems', () => {
    const result = checkOrganizationRows(
      [
        ROW,
        { ...OTHER, organizationName: '腾讯科技（深圳）有限公司', superAdminMobile: 'x' },
        { ...OTHER, uniformSocialCreditCode: '91440300708461136T' },
      ],
      { now: NOW },
    );
    expect(!result.ok && result.rowErrors).toEqual([
      {
        index: 1,
        fields: {
          organizationName: '与第1行的企业名称重复，同一批企业不能重复',
          superAdminMobile: expect.any(String),
        },
      },
      {
        index: 2,
        fields: { uniformSocialCreditCode: '与第1行的统一社会信用代码重复，同一批企业不能重复' },
      },
    ]);
  });

  it('checks authorization types against the link mode', () => {
    const result = checkOrganizationRows([{ ...ROW, authorizationTypes: [1] }], {
      batchAuthMethod: 1,
      now: NOW,
    });
    expect(!result.ok && result.rowErrors[0].fields.authorizationTypes).toMatch(/上传授权书/);
  });

  it('refuses an empty or too long list with one message', () => {
    expect(checkOrganizationRows([])).toEqual({
      ok: false,
      rowErrors: [],
      message: '请至少填写一家企业',
    });
    expect(checkOrganizationRows(undefined)).toMatchObject({ ok: false, rowErrors: [] });
    const tooMany = Array.from({ length: MAX_ORGANIZATIONS_PER_REQUEST + 1 }, () => ROW);
    expect(checkOrganizationRows(tooMany)).toMatchObject({
      ok: false,
      message: `一次最多提交${MAX_ORGANIZATIONS_PER_REQUEST}家企业，请分批提交`,
    });
  });
});
