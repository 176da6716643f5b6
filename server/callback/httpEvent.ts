/**
 * What the cloud's HTTP access service (云开发 → HTTP 访问服务, 集成响应 on) hands a function and
 * expects back. The event comes from outside: every field is `unknown` until checked.
 */
export interface HttpEvent {
  body?: unknown;
  isBase64Encoded?: unknown;
  headers?: unknown;
  httpMethod?: unknown;
}

/** With 集成响应 on, `statusCode` is the HTTP status the caller (ESS) sees. */
export interface HttpResult {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

export function jsonReply(statusCode: number, body: object): HttpResult {
  return {
    statusCode,
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
    body: JSON.stringify(body),
  };
}
