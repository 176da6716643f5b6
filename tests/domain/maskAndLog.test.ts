import { maskIdCardNumber, maskMobile, maskName } from '../../src/domain/mask';
import { scrubPersonalData, shortenOpenId } from '../../server/log';
import { toMiniAppId, isEssMiniAppId } from '../../src/domain/essApps';

describe('masking personal information', () => {
  it('masks names, ID numbers and mobiles for display', () => {
    expect(maskName('张三')).toBe('*三');
    expect(maskName('阿卜杜拉·买买提')).toBe('*******提');
    expect(maskIdCardNumber('11010519491231002X')).toBe('110***********002X');
    expect(maskMobile('13800138000')).toBe('138****8000');
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
