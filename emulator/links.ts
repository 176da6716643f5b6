/**
 * The links ESS hands out, shaped as in the API documentation. Links into ESS's own sites point at
 * the real hosts (they are only ever displayed or handed to WeChat in tests); H5 verification links
 * and QR-code images point at the emulator itself, which serves stand-ins (h5Routes.ts, qrImage.ts).
 */
import type { AuthorizationEndpoint, RegistrationEndpoint, UserVerifyEndpoint } from './state';
import { newShortUrlCode } from './ids';
import { QR_CODE_PATH } from './qrImage';

const JUMP_PAGE = 'https://res.ess.tencent.cn/cdn/h5-activity/jump-mp.html';
const SHORT_URL_BASE = 'https://essurl.cn';
const MINI_PROGRAM_GUIDE = 'pages/guide/index';

/** Path of the emulator's H5 verification page. */
export const H5_VERIFY_PATH = '/h5/verify';

function shortUrl(): string {
  return `${SHORT_URL_BASE}/${newShortUrlCode()}`;
}

/** CreateUserVerifyUrl's `UserVerifyUrl`. */
export function userVerifyUrl(
  endpoint: UserVerifyEndpoint,
  shortKey: string,
  publicBaseUrl: string,
): string {
  switch (endpoint) {
    case 'APP':
      return `${MINI_PROGRAM_GUIDE}?to=MP_PERSONAL_VERIFY&shortKey=${shortKey}`;
    case 'HTTP':
      return `${JUMP_PAGE}?to=TAG_VERIFY&shortKey=${shortKey}`;
    case 'HTTP_SHORT_URL':
      return shortUrl();
    case 'H5':
    case 'H5_SHORT_URL':
      return `${publicBaseUrl.replace(/\/+$/, '')}${H5_VERIFY_PATH}?shortKey=${shortKey}`;
  }
}

/** CreateBatchOrganizationAuthorizationUrl's `AuthUrl` (table of the API documentation). */
export function batchAuthorizationUrl(
  endpoint: AuthorizationEndpoint,
  shortKey: string,
  qrCodeId: string,
  publicBaseUrl: string,
): string {
  const to = 'AUTHORIZATION_ENTERPRISE_FOR_BATCH_SUBMIT';
  switch (endpoint) {
    case 'HTTP':
      return `${JUMP_PAGE}?to=${to}&shortKey=${shortKey}`;
    case 'HTTP_SHORT_URL':
      return shortUrl();
    case 'APP':
      return `${MINI_PROGRAM_GUIDE}?to=${to}&shortKey=${shortKey}`;
    case 'QR_CODE':
      // ESS serves these from its CDN (dyn.ess.tencent.cn; the documentation shows the test
      // environment's dyn.test.ess.tencent.cn). The emulator serves a stand-in image itself, at
      // the same path, so a page can show it (see qrImage.ts).
      return `${publicBaseUrl.replace(/\/+$/, '')}${QR_CODE_PATH}authorization_enterprise_for_batch_submit/${qrCodeId}.png`;
  }
}

/**
 * DescribeBatchOrganizationRegistrationUrls' `AuthUrl` of one organization (table of the
 * `OrganizationAuthUrl` model). The organization name is left unencoded, as in the documentation.
 */
export function registrationAuthUrl(
  endpoint: RegistrationEndpoint,
  token: string,
  organizationName: string,
): string {
  switch (endpoint) {
    case 'PC':
      return `https://qian.tencent.com/console/batch-register?token=${token}&orgName=${organizationName}`;
    case 'APP':
      return `/pages/guide/index?to=REGISTER_ENTERPRISE_FOR_BATCH&urlAuthToken=${token}&orgName=${organizationName}`;
    case 'H5':
      // Not shown in the documentation: an ESS H5 page (quick.qian.tencent.cn hosts ESS's H5 pages).
      return `https://quick.qian.tencent.cn/guide?to=REGISTER_ENTERPRISE_FOR_BATCH&urlAuthToken=${token}&orgName=${organizationName}`;
    case 'SHORT_URL':
    case 'SHORT_H5':
      return shortUrl();
  }
}
