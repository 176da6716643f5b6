import { maskIdCardNumber, maskMobile, maskName } from '../../src/domain/mask';
import { createLogger, scrubPersonalData, shortenOpenId } from '../../server/log';
import { toMiniAppId, isEssMiniAppId } from '../../src/domain/essApps';

describe('masking personal information', () => {
  it('masks names, ID numbers and mobiles for display', () => {
    expect(maskName('张三')).toBe('*三');
    expect(maskName('阿卜杜拉·买买提')).toBe('*******提');
    expect(maskIdCardNumber('11010519491231002X')).toBe('110***********002X');
    expect(maskMobile('13800138000')).toBe('138****8000');
  });

  it('masks ID numbers and mobiles written with spaces or dashes', () => {
    const text =
      'ESS: 证件号 110105 19491231 002X 与 110105-1949-1231-002x 不一致，手机 138 0013 8000 / 138-0013-8000';
    const scrubbed = scrubPersonalData(text);
    expect(scrubbed).not.toMatch(/19491231|1949-1231|0013 8000|0013-8000/);
    expect(scrubbed).toContain('110***********002X');
    expect(scrubbed).toContain('138****8000');
  });

  it('never alters RequestIds, in the requestId field or inside a message', () => {
    // ESS's RequestIds: UUIDs (hex groups of 8-4-4-4-12) or `s` + digits.
    const ids = [
      's1712475396892401448',
      '5cfaaf2e-1691-4a10-b93b-913800138000',
      '13800138-0013-8000-1101-051949123100',
      'a13800138000b',
    ];
    for (const id of ids) expect(scrubPersonalData(`RequestId=${id}`)).toBe(`RequestId=${id}`);
    const lines: string[] = [];
    const saved = console.log;
    console.log = (line: string) => lines.push(line);
    try {
      process.env.LOG_LEVEL = 'info';
      createLogger().info('x', { requestId: '13800138000', statusRequestId: '110105194912310021' });
    } finally {
      console.log = saved;
      delete process.env.LOG_LEVEL;
    }
    expect(JSON.parse(lines[0])).toMatchObject({
      requestId: '13800138000',
      statusRequestId: '110105194912310021',
    });
  });

  it('scrubs ID-number-shaped and mobile-shaped text from log strings', () => {
    const text = 'Name=张三 IdCardNumber=11010519491231002x Mobile=13800138000 RequestId=abc-123';
    const scrubbed = scrubPersonalData(text);
    expect(scrubbed).not.toContain('11010519491231002');
    expect(scrubbed).not.toContain('13800138000');
    expect(scrubbed).toContain('RequestId=abc-123');
  });

  it('shortens OPENIDs', () => {
    expect(shortenOpenId('oAbCdEfGhIjKlMnOpQrStUvWxYz')).toBe('oAbCdE…Yz');
  });
});

describe('ESS mini-program ids', () => {
  it('maps original ids to app ids and recognises both environments', () => {
    expect(toMiniAppId('gh_da88f6188665')).toBe('wxa023b292fd19d41d');
    expect(toMiniAppId('gh_39a5d3de69fa')).toBe('wx371151823f6f3edf');
    expect(toMiniAppId('wx371151823f6f3edf')).toBe('wx371151823f6f3edf');
    expect(isEssMiniAppId('gh_39a5d3de69fa')).toBe(true);
    expect(isEssMiniAppId('wx0000000000000000')).toBe(false);
  });
});
