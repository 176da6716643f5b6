/**
 * The pure TC3-HMAC-SHA256 verifier against signatures made by the SDK's own `sign3`, and the
 * check-character rules the emulator validates with.
 */
import Sign from 'tencentcloud-sdk-nodejs/tencentcloud/common/sign';
import { creditCodeCheckChar, isValidUniformSocialCreditCode } from '../../emulator/creditCode';
import {
  canonicalRequest,
  parseAuthorization,
  serviceOfHost,
  stringToSign,
  tc3Signature,
  utcDateOf,
  verifyTc3Request,
  type Tc3VerificationInput,
} from '../../emulator/tc3';
import { idCardNumberProblem, normalizeEssMobile } from '../../emulator/validation';

const SECRET_ID = 'AKIDtc3UnitTest';
const SECRET_KEY = 'tc3-unit-test-key';
const TIMESTAMP = 1_700_000_000; // 2023-11-14T22:13:20Z
const BODY = '{"Operator":{"UserId":"u1"},"Name":"张三"}';

/** A request exactly as the SDK sends it to `host`, signed by the SDK. */
function sdkSignedRequest(
  host: string,
  overrides: Partial<Tc3VerificationInput> = {},
): Tc3VerificationInput {
  const headers = { 'Content-Type': 'application/json' };
  const authorization = Sign.sign3({
    method: 'POST',
    url: `http://${host}/`,
    payload: JSON.parse(BODY),
    timestamp: TIMESTAMP,
    service: host.split('.')[0],
    secretId: SECRET_ID,
    secretKey: SECRET_KEY,
    multipart: false,
    boundary: '',
    headers,
  });
  return {
    method: 'POST',
    path: '/',
    query: '',
    headers: {
      host,
      'content-type': 'application/json',
      authorization,
      'x-tc-timestamp': String(TIMESTAMP),
      'x-tc-action': 'DescribeUserVerifyStatus',
    },
    body: Buffer.from(BODY, 'utf8'),
    secretKeyOf: (id) => (id === SECRET_ID ? SECRET_KEY : undefined),
    nowSeconds: TIMESTAMP + 10,
    maxAgeSeconds: 300,
    ...overrides,
  };
}

describe('TC3-HMAC-SHA256 verification', () => {
  it('accepts what the SDK signs, for a real ESS host and for a local one with a port', () => {
    expect(verifyTc3Request(sdkSignedRequest('ess.tencentcloudapi.com'))).toEqual({
      ok: true,
      secretId: SECRET_ID,
      timestamp: TIMESTAMP,
    });
    expect(verifyTc3Request(sdkSignedRequest('127.0.0.1:8787')).ok).toBe(true);
  });

  it('derives the scope service from the first label of the Host', () => {
    expect(serviceOfHost('ess.tencentcloudapi.com')).toBe('ess');
    expect(serviceOfHost('127.0.0.1:8787')).toBe('127');
    expect(utcDateOf(TIMESTAMP)).toBe('2023-11-14');
  });

  it('parses the Authorization header and refuses anything else', () => {
    const { headers } = sdkSignedRequest('ess.tencentcloudapi.com');
    expect(parseAuthorization(headers.authorization as string)).toEqual({
      secretId: SECRET_ID,
      date: '2023-11-14',
      service: 'ess',
      signedHeaders: ['content-type', 'host'],
      signature: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(parseAuthorization(undefined)).toBeNull();
    expect(
      parseAuthorization('TC3-HMAC-SHA256 Credential=a/2023-11-14/ess/tc3_request'),
    ).toBeNull();
  });

  it.each([
    ['an unknown SecretId', { secretKeyOf: () => undefined }, 'secretIdNotFound'],
    ['a timestamp 301 s old', { nowSeconds: TIMESTAMP + 301 }, 'expired'],
    ['a timestamp 301 s ahead', { nowSeconds: TIMESTAMP - 301 }, 'expired'],
    ['another secret key', { secretKeyOf: () => 'other-key' }, 'signatureMismatch'],
    [
      'another body',
      { body: Buffer.from(BODY.replace('张三', '李四'), 'utf8') },
      'signatureMismatch',
    ],
    [
      'another content type',
      {
        headers: {
          ...sdkSignedRequest('ess.tencentcloudapi.com').headers,
          'content-type': 'text/plain',
        },
      },
      'signatureMismatch',
    ],
    [
      'a missing timestamp',
      {
        headers: {
          ...sdkSignedRequest('ess.tencentcloudapi.com').headers,
          'x-tc-timestamp': undefined,
        },
      },
      'missingTimestamp',
    ],
    [
      'a timestamp that is not a number',
      {
        headers: {
          ...sdkSignedRequest('ess.tencentcloudapi.com').headers,
          'x-tc-timestamp': '17e8',
        },
      },
      'invalidTimestamp',
    ],
    [
      'another Host (service)',
      {
        headers: {
          ...sdkSignedRequest('ess.tencentcloudapi.com').headers,
          host: 'cvm.tencentcloudapi.com',
        },
      },
      'scopeServiceMismatch',
    ],
  ])('rejects %s', (_case, overrides, reason) => {
    expect(
      verifyTc3Request({ ...sdkSignedRequest('ess.tencentcloudapi.com'), ...overrides }),
    ).toMatchObject({
      ok: false,
      reason,
    });
  });

  /** A correctly computed signature with a chosen scope date and signed headers. */
  function signedWith(date: string, signedHeaders: string[]): Tc3VerificationInput {
    const request = sdkSignedRequest('ess.tencentcloudapi.com');
    const headerValues = {
      'content-type': 'application/json',
      host: 'ess.tencentcloudapi.com',
      'x-tc-action': 'DescribeUserVerifyStatus',
    };
    const canonical = canonicalRequest({
      method: 'POST',
      path: '/',
      query: '',
      headerValues,
      signedHeaders,
      body: BODY,
    });
    const signature = tc3Signature(
      SECRET_KEY,
      date,
      'ess',
      stringToSign(TIMESTAMP, date, 'ess', canonical),
    );
    const authorization = `TC3-HMAC-SHA256 Credential=${SECRET_ID}/${date}/ess/tc3_request, SignedHeaders=${signedHeaders.join(';')}, Signature=${signature}`;
    return { ...request, headers: { ...request.headers, authorization } };
  }

  it('accepts more signed headers than content-type and host', () => {
    expect(
      verifyTc3Request(signedWith('2023-11-14', ['content-type', 'host', 'x-tc-action'])).ok,
    ).toBe(true);
  });

  it('rejects a scope date other than the timestamp’s UTC date, and a signature without host', () => {
    expect(verifyTc3Request(signedWith('2023-11-15', ['content-type', 'host']))).toMatchObject({
      reason: 'scopeDateMismatch',
    });
    expect(verifyTc3Request(signedWith('2023-11-14', ['content-type']))).toMatchObject({
      reason: 'requiredHeaderNotSigned',
    });
  });
});

describe('check characters and formats', () => {
  it('validates unified social credit codes (GB 32100)', () => {
    expect(isValidUniformSocialCreditCode('9144030071526726XG')).toBe(true);
    expect(isValidUniformSocialCreditCode('91110000802100433B')).toBe(true);
    expect(isValidUniformSocialCreditCode('9144030071526726XH')).toBe(false);
    expect(isValidUniformSocialCreditCode('9144030071526726X')).toBe(false);
    expect(isValidUniformSocialCreditCode('9144030071526726IG')).toBe(false);
    expect(creditCodeCheckChar('9144030071526726X')).toBe('G');
  });

  it('validates ID numbers per type', () => {
    expect(idCardNumberProblem('ID_CARD', '11010519491231002X')).toBeNull();
    expect(idCardNumberProblem('ID_CARD', '11010519491231002x')).toContain('大写X');
    expect(idCardNumberProblem('ID_CARD', '110105194912310021')).toContain('校验位');
    expect(idCardNumberProblem('HONGKONG_MACAO_AND_TAIWAN', '11010519491231002X')).toBeNull();
    expect(idCardNumberProblem('HONGKONG_AND_MACAO', 'M1234567890')).toBeNull();
    expect(idCardNumberProblem('HONGKONG_AND_MACAO', 'X1234567890')).not.toBeNull();
  });

  it('accepts mobiles with or without +86', () => {
    expect(normalizeEssMobile('13800138000')).toBe('13800138000');
    expect(normalizeEssMobile('+8613800138000')).toBe('13800138000');
    expect(normalizeEssMobile('+86 13800138000')).toBe('13800138000');
    expect(normalizeEssMobile('8613800138000')).toBeNull();
    expect(normalizeEssMobile('1380013800')).toBeNull();
  });
});
