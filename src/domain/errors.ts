/**
 * Error codes returned by the cloud functions and the Chinese messages a user sees for them.
 * The cloud functions put `message` in their answer; the pages show it as is, and fall back
 * to this table for errors that happen on the device (network, no cloud).
 */
export const ERROR_MESSAGES = {
  INVALID_INPUT: '填写的信息有误，请按提示修改后再提交',
  CONFIG_ERROR: '实名服务暂未配置完成，请稍后再试或联系客服',
  NO_IDENTITY: '无法识别你的微信身份，请关闭后重新打开小程序',
  RATE_LIMITED: '当前实名人数较多，请稍等几秒后再试',
  /** Waiting for a turn at ESS (its 20 requests/s): the page calls again after `retryAfterMs`. */
  QUEUED: '当前排队人数较多，请稍候，轮到你时会自动继续，无需重新填写',
  /** Too many new links for this WeChat user within 24 hours. */
  QUOTA_EXCEEDED: '今天获取实名链接的次数已达上限，请明天再试；如需帮助请联系客服',
  /** Already verified as another person: withdraw (erase) first. */
  VERIFIED_OTHER_IDENTITY:
    '你已用另一身份完成实名认证。如需更换，请先在实名结果页撤回授权并删除实名信息，再重新提交',
  ESS_UNAVAILABLE: '腾讯电子签服务暂时繁忙，请稍后再试，已填写的信息不会丢失',
  ESS_TIMEOUT: '连接腾讯电子签超时，请检查网络后重试',
  ESS_REJECTED: '腾讯电子签未能受理本次实名，请核对姓名、身份证号和手机号后重试',
  ESS_FAILED: '腾讯电子签暂时无法处理本次实名，请稍后再试',
  ESS_CONFIG: '实名服务配置有误，请联系客服处理',
  LINK_EXPIRED: '实名链接已过期，请重新提交',
  NETWORK: '网络连接失败，请检查网络后重试',
  FORBIDDEN: '你没有权限进行此操作',
  INTERNAL: '服务开小差了，请稍后再试',
  /** Enterprise batch registration: the same submission is still being sent to ESS. */
  IN_PROGRESS: '上一次提交仍在处理中，请稍后刷新查看',
  /** Enterprise batch registration: ESS did not answer (the submission may have worked). */
  SUBMISSION_UNCONFIRMED:
    '没有收到腾讯电子签的答复，无法确认这些企业是否已提交成功。为避免重复提交，它们不会再自动提交，请到腾讯电子签控制台核对；其余企业请再次提交以继续',
  /** A registration task or sub-task that does not exist or that another admin created. */
  TASK_NOT_FOUND: '未找到该企业认证任务，或它不是你创建的',
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export function messageFor(code: ErrorCode): string {
  return ERROR_MESSAGES[code];
}
