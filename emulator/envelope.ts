/**
 * The Tencent Cloud API 3.0 answer envelope, as ESS uses it:
 * success `{"Response": {...fields, "RequestId"}}`, failure `{"Response": {"Error": {Code, Message}, "RequestId"}}`.
 * Both are HTTP 200; the SDK throws on `Response.Error` with `.code` and `.requestId`.
 */

/** An error answered in the envelope. Thrown by the gateway and the action handlers. */
export class EssError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'EssError';
  }
}

export interface ErrorEnvelope {
  Response: { Error: { Code: string; Message: string }; RequestId: string };
}

export interface SuccessEnvelope {
  Response: Record<string, unknown> & { RequestId: string };
}

export function successEnvelope(fields: object, requestId: string): SuccessEnvelope {
  return { Response: { ...fields, RequestId: requestId } };
}

export function errorEnvelope(error: EssError, requestId: string): ErrorEnvelope {
  return {
    Response: { Error: { Code: error.code, Message: error.message }, RequestId: requestId },
  };
}

/** The messages the real services typically give; used when a fault is injected without one. */
const TYPICAL_MESSAGES: Record<string, string> = {
  InternalError: '内部错误。',
  'InternalError.System': '系统错误，请稍后重试。',
  'InternalError.Db': '数据库异常。',
  FailedOperation: '操作失败。',
  RequestLimitExceeded: '请求的次数超过了频率限制。',
  'FailedOperation.RequestLimitExceeded': '请求的次数超过了频率限制，请联系客服处理。',
  ResourceUnavailable: '资源不可用。',
  UnauthorizedOperation: '未授权操作。',
  'OperationDenied.NoApiAuth': '没有API权限。',
  'OperationDenied.NoQuota': '企业额度不足，请检查企业额度后处理。',
  'AuthFailure.SignatureFailure':
    'The provided credentials could not be validated. Please check your signature is correct.',
};

export function typicalMessageFor(code: string): string {
  return TYPICAL_MESSAGES[code] ?? `${code} (injected by the ESS emulator)`;
}

/** Errors of the API gateway, with the wording of the real gateway. */
export const gatewayErrors = {
  signatureFailure: (): EssError =>
    new EssError(
      'AuthFailure.SignatureFailure',
      'The provided credentials could not be validated. Please check your signature is correct.',
    ),
  secretIdNotFound: (): EssError =>
    new EssError(
      'AuthFailure.SecretIdNotFound',
      'The SecretId is not found, please ensure that your SecretId is correct.',
    ),
  signatureExpire: (requestTimestamp: number, serverTimestamp: number): EssError =>
    new EssError(
      'AuthFailure.SignatureExpire',
      `Signature expired. Timestamp:${requestTimestamp}; Server Time:${serverTimestamp}. ` +
        'Timestamp and server time cannot differ by more than five minutes.',
    ),
  missingParameter: (name: string): EssError =>
    new EssError('MissingParameter', `The request is missing a required parameter \`${name}\`.`),
  invalidParameterType: (name: string): EssError =>
    new EssError('InvalidParameter', `The value type of parameter \`${name}\` is not valid.`),
  unknownParameter: (name: string): EssError =>
    new EssError('UnknownParameter', `The parameter \`${name}\` is not recognized.`),
  noSuchVersion: (version: string): EssError =>
    new EssError(
      'NoSuchVersion',
      `The requested version \`${version}\` of service \`ess\` does not exist.`,
    ),
  invalidAction: (action: string): EssError =>
    new EssError('InvalidAction', `The requested action \`${action}\` does not exist.`),
  requestLimitExceeded: (count: number, limit: number): EssError =>
    new EssError(
      'RequestLimitExceeded',
      `Your current request times equals to \`${count}\` in a second, which exceeds the frequency limit ` +
        `\`${limit}\` for a second. Please reduce the frequency of calls.`,
    ),
  unsupportedMethod: (method: string): EssError =>
    new EssError(
      'UnsupportedOperation',
      `The request method \`${method}\` is not supported. Use POST.`,
    ),
  unsupportedContentType: (contentType: string): EssError =>
    new EssError(
      'UnsupportedOperation',
      `The content type \`${contentType}\` is not supported. Use application/json.`,
    ),
  bodyNotJson: (): EssError =>
    new EssError('InvalidParameter', 'The request body is not a valid JSON object.'),
  bodyTooLarge: (limit: number): EssError =>
    new EssError(
      'RequestSizeLimitExceeded',
      `The request body exceeds the size limit of ${limit} bytes.`,
    ),
};
