/**
 * CreateUserVerifyUrl: a link through which a person verifies their identity with ESS.
 * The link remembers the identity; completing it (H5 page or control API) marks that person verified.
 */
import type {
  CreateUserVerifyUrlRequest,
  CreateUserVerifyUrlResponse,
} from 'tencentcloud-sdk-nodejs/tencentcloud/services/ess/v20201111/ess_models';
import { LINK_LIFETIME_SECONDS } from '../defaults';
import { newShortKey } from '../ids';
import { userVerifyUrl } from '../links';
import type { UserVerifyEndpoint, UserVerifyLink } from '../state';
import {
  idCardNumberProblem,
  invalidParameter,
  invalidValue,
  isStrictBase64,
  missing,
  normalizeEssMobile,
  oneOf,
  personNameProblem,
  redirectUrlProblem,
} from '../validation';
import type { ActionContext, ActionDefinition } from './actionTypes';
import { presentText } from './presentText';

const ENDPOINTS: readonly UserVerifyEndpoint[] = [
  'HTTP',
  'HTTP_SHORT_URL',
  'APP',
  'H5',
  'H5_SHORT_URL',
];
const ENDPOINTS_WITH_JUMP_URL: readonly UserVerifyEndpoint[] = ['H5', 'H5_SHORT_URL'];
const MAX_JUMP_URL_LENGTH = 1000;
const MAX_USER_DATA_LENGTH = 1000;

function handle({
  params,
  state,
  nowMs,
  publicBaseUrl,
  settings,
}: ActionContext): CreateUserVerifyUrlResponse {
  const request = params as unknown as CreateUserVerifyUrlRequest;

  // The model marks Name and IdCardNumber optional, but a link is always bound to one identity
  // (it is what DescribeUserVerifyStatus later answers for), so the emulator requires both.
  const name = presentText(request.Name);
  if (name === undefined) throw missing('Name');
  const nameProblem = personNameProblem(name);
  if (nameProblem) throw invalidValue('Name', nameProblem);

  if (request.IdCardType !== undefined && request.IdCardType !== 'ID_CARD') {
    throw invalidValue('IdCardType', `目前只支持身份证类型 ID_CARD，收到 ${request.IdCardType}`);
  }
  const idCardNumber = presentText(request.IdCardNumber);
  if (idCardNumber === undefined) throw missing('IdCardNumber');
  const idProblem = idCardNumberProblem('ID_CARD', idCardNumber);
  if (idProblem) throw invalidValue('IdCardNumber', idProblem);

  const rawMobile = presentText(request.Mobile);
  const mobile = rawMobile === undefined ? undefined : normalizeEssMobile(rawMobile);
  if (mobile === null) throw invalidValue('Mobile', '手机号应为11位数字，可带+86前缀');

  const endpoint = oneOf('Endpoint', presentText(request.Endpoint), ENDPOINTS, 'APP');

  const jumpUrl = presentText(request.JumpUrl);
  if (jumpUrl !== undefined) {
    if (!ENDPOINTS_WITH_JUMP_URL.includes(endpoint)) {
      throw invalidParameter(
        'JumpUrl',
        `仅支持 Endpoint 为 H5 或 H5_SHORT_URL 时传递，当前 Endpoint 为 ${endpoint}`,
      );
    }
    if (jumpUrl.length > MAX_JUMP_URL_LENGTH) {
      throw invalidValue('JumpUrl', `最大长度${MAX_JUMP_URL_LENGTH}个字符`);
    }
    const jumpUrlProblem = redirectUrlProblem(jumpUrl);
    if (jumpUrlProblem) throw invalidValue('JumpUrl', jumpUrlProblem);
  }

  const userData = presentText(request.UserData);
  if (userData !== undefined) {
    if (userData.length > MAX_USER_DATA_LENGTH) {
      throw invalidValue('UserData', `长度上限为${MAX_USER_DATA_LENGTH}个字符`);
    }
    if (!isStrictBase64(userData)) throw invalidValue('UserData', '必须采用base64编码格式');
  }

  const shortKey = newShortKey();
  const url = userVerifyUrl(endpoint, shortKey, publicBaseUrl);
  const expiresAtMs = nowMs + LINK_LIFETIME_SECONDS * 1000;
  const link: UserVerifyLink = {
    shortKey,
    url,
    endpoint,
    name,
    idCardType: 'ID_CARD',
    idCardNumber,
    mobile,
    jumpUrl,
    userData,
    autoJumpBack: request.AutoJumpBack === true,
    createdAtMs: nowMs,
    expiresAtMs,
  };
  state.userVerifyLinks.set(shortKey, link);

  return {
    UserVerifyUrl: url,
    ExpireTime: Math.floor(expiresAtMs / 1000),
    ...(endpoint === 'APP' ? { MiniAppId: settings.miniAppIdAnswer } : {}),
  };
}

export const createUserVerifyUrl: ActionDefinition = {
  schema: {
    Name: { type: 'string' },
    IdCardNumber: { type: 'string' },
    IdCardType: { type: 'string' },
    Mobile: { type: 'string' },
    JumpUrl: { type: 'string' },
    Endpoint: { type: 'string' },
    AutoJumpBack: { type: 'boolean' },
    UserData: { type: 'string' },
  },
  handle,
};
