/**
 * Everything the enterprise batch-authentication functions say to the operator, in one place:
 * a complete failure table per function (bound to the function's `fail` by the runtime, so no
 * answer of these functions ever falls back to the personal flow's wording about 实名), the
 * per-enterprise notes of a submission, and the input problems. The pages act on codes and
 * `rowStatuses`; these texts are only shown.
 */
import type { ErrorCode } from '../../src/domain/errors';
import { MAX_CONFIRMED_NOT_SUBMITTED } from '../../src/domain/organizationContract';

type FailureTable = Readonly<Record<ErrorCode, string>>;

/** Every code in the operator's terms (a code added to `ErrorCode` must be worded here). */
const OPERATOR_FAILURES: FailureTable = {
  INVALID_INPUT: '填写的信息有误，请按提示修改后再提交',
  CONFIG_ERROR: '企业认证服务暂未配置完成，请联系小程序的负责人',
  NO_IDENTITY: '无法识别你的微信身份，请关闭后重新打开小程序',
  RATE_LIMITED: '腾讯电子签当前请求较多，请稍等几秒后再试',
  QUEUED: '腾讯电子签当前请求较多，正在排队，请稍等几秒后再试',
  QUOTA_EXCEEDED: '今天的操作次数已达上限，请明天再试',
  VERIFIED_OTHER_IDENTITY: '这项操作暂时无法完成，请联系小程序的负责人',
  ESS_UNAVAILABLE: '腾讯电子签服务暂时繁忙，请稍后再试',
  ESS_TIMEOUT: '连接腾讯电子签超时，请检查网络后重试',
  ESS_REJECTED: '腾讯电子签未能受理本次请求，请核对填写的信息后重试',
  ESS_FAILED: '腾讯电子签暂时无法处理本次请求，请稍后再试',
  ESS_CONFIG: '企业认证服务配置有误（例如腾讯电子签的接口权限），请联系小程序的负责人',
  LINK_EXPIRED: '链接已过期，请重新生成',
  NETWORK: '网络连接失败，请检查网络后重试',
  FORBIDDEN: '你没有权限进行此操作',
  INTERNAL: '服务开小差了，请稍后再试',
  IN_PROGRESS: '上一次提交仍在处理中，请稍后刷新查看',
  SUBMISSION_UNCONFIRMED:
    '没有收到腾讯电子签的答复，无法确认这些企业是否已提交成功。为避免重复提交，它们不会再自动提交，请到腾讯电子签控制台核对；其余企业请再次提交以继续',
  TASK_NOT_FOUND: '未找到该企业认证任务，或它不是你创建的',
};

/** What the single authorization link must match (ESS filters out the rest). */
export const SUPER_ADMIN_MUST_MATCH = '超管姓名、手机号和证件号须与创建认证任务时填写的一致';

/** `createBatchOrganizationRegistrationTasks`. */
export const REGISTRATION_MESSAGES: FailureTable = {
  ...OPERATOR_FAILURES,
  ESS_UNAVAILABLE: '腾讯电子签服务暂时繁忙，请稍后再次提交，已提交的企业不会重复提交',
  ESS_REJECTED:
    '腾讯电子签未能受理这批企业，请核对企业名称、统一社会信用代码、法定代表人和超管信息后重试',
};

/** `describeBatchOrganizationRegistrationUrls`. */
export const REGISTRATION_URLS_MESSAGES: FailureTable = {
  ...OPERATOR_FAILURES,
  ESS_REJECTED: '腾讯电子签未能查询该认证任务，请稍后再试',
};

/** `createBatchOrganizationAuthorizationUrl`. */
export const AUTHORIZATION_MESSAGES: FailureTable = {
  ...OPERATOR_FAILURES,
  ESS_REJECTED: `腾讯电子签没有找到属于这位超管、且已处理完成的企业：${SUPER_ADMIN_MUST_MATCH}`,
};

/** `checkOperatorAccess`. */
export const ACCESS_MESSAGES: FailureTable = OPERATOR_FAILURES;

/** What each enterprise of a submission is told, besides its status. */
export const ROW_NOTES = {
  /** `failed`: ESS refused another enterprise of the same ESS call, so it did nothing. */
  groupRefused: '同组提交的其他企业信息有误，本企业未提交，请修正后重新提交',
  /** `failed`: an earlier ESS call of the submission failed, this one was not made. */
  notSent:
    '前面的企业未能提交，本企业尚未发送给腾讯电子签，可直接再次提交（已提交的企业不会重复提交）',
  /** `unconfirmed`: sent by this submission (or its earlier attempt) without an answer. */
  unconfirmed:
    '上次提交没有收到腾讯电子签的答复，可能已提交成功，为避免重复提交未再提交：请到腾讯电子签控制台核对，确未提交的请作为新的提交重新发起',
  /** `unconfirmed`: sent without an answer by an earlier submission of the same operator. */
  held: '该企业上次提交未得到腾讯电子签答复，可能已提交成功；请先在控制台核对，确认未提交后再勾选重新提交',
  /** `failed`: another submission was sending some of the same enterprises at that moment. */
  beingSent:
    '同组的企业正由另一次提交发送给腾讯电子签，本企业这次未发送；请稍后刷新查看结果，不要重复提交',
  /** `failed`: the invocation ran out of time before its ESS call. */
  outOfTime: '腾讯电子签响应较慢，部分企业尚未提交。请再次提交以继续，已提交的企业不会重复提交',
} as const;

/** `第1–10、21–25家企业` for the 0-based positions in the submitted list (sorted or not). */
export function enterprisePositions(positions: readonly number[]): string {
  const ranges: Array<[number, number]> = [];
  for (const position of [...positions].sort((a, b) => a - b)) {
    const last = ranges[ranges.length - 1];
    if (last && position === last[1] + 1) last[1] = position;
    else ranges.push([position, position]);
  }
  const text = ranges.map(([first, last]) =>
    first === last ? `${first + 1}` : `${first + 1}–${last + 1}`,
  );
  return `第${text.join('、')}家企业`;
}

/** A message about some enterprises of the submission: `第11–20家企业：…`. */
export const aboutEnterprises = (positions: readonly number[], message: string): string =>
  `${enterprisePositions(positions)}：${message}`;

/** The input problems of the three functions' events. */
export const INPUT_PROBLEMS = {
  registrationEndpoint: (allowed: readonly string[]) => `链接类型只能是 ${allowed.join('、')}`,
  batchAuthMethod: '认证链接模式只能是 0（每家企业一个链接）或 1（合并为一个链接）',
  requestKey: '提交编号格式不正确，请刷新页面后重新提交',
  requestKeyReused: '这个提交编号已用于另一批企业，请刷新页面后重新提交',
  confirmedNotAList: '“已确认未提交”的企业应为统一社会信用代码的列表',
  confirmedTooMany: `“已确认未提交”的企业一次最多${MAX_CONFIRMED_NOT_SUBMITTED}家`,
  confirmedItem: (position: number, problem: string) =>
    `“已确认未提交”的第${position}个企业：${problem}`,
  proxyOrganizationId: '子企业组织ID格式不正确：应为腾讯电子签的组织ID（字母、数字、-、_）',
  proxyOrganizationIdOfTask: '这个认证任务不是为该子企业创建的，请核对子企业组织ID',
  taskId: '请提供正确的认证任务编号',
  subTaskIdsNotAList: '子任务编号应为列表',
  subTaskIdFormat: '子任务编号格式不正确',
  tooManySubTasks: (max: number) => `一个认证链接最多包含${max}家企业`,
  authorizationEndpoint: (allowed: readonly string[]) => `链接类型只能是 ${allowed.join('、')}`,
  superAdmin: '超管信息有误，请按提示修改',
} as const;

/** Sub-tasks named in an authorization request that are not the caller's (or unknown). */
export const subTasksNotFound = (ids: readonly string[]): string =>
  `以下企业认证子任务不存在、尚未查询到或不是你创建的：${ids.join('、')}。` +
  `请先查询认证任务的结果再生成链接；${SUPER_ADMIN_MUST_MATCH}`;
