/**
 * The wording of failures the runtime answers (configuration, ESS errors), for the admin
 * functions: the defaults speak of personal verification (实名).
 */
import type { CloudFunctionOptions } from '../functions/runtime';
import { ADMIN_MUST_MATCH } from './batchAuthorization';

type Messages = NonNullable<CloudFunctionOptions['messages']>;

const COMMON: Messages = {
  CONFIG_ERROR: '企业认证服务暂未配置完成，请联系管理员',
  RATE_LIMITED: '当前请求较多，请稍等几秒后再试',
  ESS_FAILED: '腾讯电子签暂时无法处理本次请求，请稍后再试',
  ESS_CONFIG: '企业认证服务配置有误，请联系管理员处理',
};

export const REGISTRATION_MESSAGES: Messages = {
  ...COMMON,
  ESS_UNAVAILABLE: '腾讯电子签服务暂时繁忙，请稍后再次提交，已提交的企业不会重复提交',
  ESS_REJECTED:
    '腾讯电子签未能受理这批企业，请核对企业名称、统一社会信用代码、法定代表人和超管信息后重试',
};

export const REGISTRATION_URLS_MESSAGES: Messages = {
  ...COMMON,
  ESS_REJECTED: '腾讯电子签未能查询该认证任务，请稍后再试',
};

export const AUTHORIZATION_MESSAGES: Messages = {
  ...COMMON,
  ESS_REJECTED: `腾讯电子签未能生成认证链接：${ADMIN_MUST_MATCH}，且企业认证任务须已处理完成`,
};
