/**
 * The ESS API path (`POST /`), behaving like the Tencent Cloud API 3.0 gateway in front of ESS:
 * transport checks, TC3-HMAC-SHA256 signature, version and action, per-action rate limit, injected
 * faults, parameter checks, the operator, then the action itself. Every answer is HTTP 200 with the
 * JSON envelope; every request is recorded and logged (action, error code, RequestId: no personal data).
 */
import type { IncomingMessage, ServerResponse } from 'http';
import { ESS_ACTIONS } from './actions';
import type { ActionDefinition } from './actions';
import type { CancellableDelays } from './delays';
import { ESS_API_VERSION, MAX_REQUEST_BODY_BYTES, SIGNATURE_MAX_AGE_SECONDS } from './defaults';
import {
  EssError,
  errorEnvelope,
  gatewayErrors,
  successEnvelope,
  typicalMessageFor,
} from './envelope';
import type { FaultQueue } from './faults';
import { BodyTooLargeError, headerOf, readBody, sendJson } from './http';
import { newRequestId } from './ids';
import { checkParameters, USER_INFO_SCHEMA } from './parameterSchema';
import type { SlidingWindowRateLimiter } from './rateLimiter';
import type { EmulatorSettings } from './settings';
import type { EmulatorState } from './state';
import { verifyTc3Request, type Tc3Verdict } from './tc3';
import type { RecordedCall } from './types';
import { missing } from './validation';

export interface GatewayDependencies {
  settings: EmulatorSettings;
  state: EmulatorState;
  faults: FaultQueue;
  rateLimiter: SlidingWindowRateLimiter;
  delays: CancellableDelays;
  latencyMs(): number;
  /** Returns where to record the call now starting; a reset in the meantime makes it a no-op. */
  startRecording(): (call: RecordedCall) => void;
}

/** The emulator is closing: the request is dropped without an answer. */
class RequestAbandoned extends Error {}

const JSON_CONTENT_TYPE = /^application\/json\s*(?:;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;

function authError(verdict: Exclude<Tc3Verdict, { ok: true }>, nowSeconds: number): EssError {
  switch (verdict.reason) {
    case 'missingTimestamp':
      return gatewayErrors.missingParameter('Timestamp');
    case 'invalidTimestamp':
      return gatewayErrors.invalidParameterType('Timestamp');
    case 'secretIdNotFound':
      return gatewayErrors.secretIdNotFound();
    case 'expired':
      return gatewayErrors.signatureExpire(verdict.timestamp ?? 0, nowSeconds);
    default:
      return gatewayErrors.signatureFailure();
  }
}

function parseJsonObject(body: Buffer): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(body.toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/**
 * `Operator.UserId` must be an employee of the organization. For an unknown one the emulator answers
 * `InvalidParameterValue`. Unsure: the real ESS may answer a more specific code from its list, such as
 * `InvalidParameter.InvalidOperatorId` (操作人ID不正确) or `ResourceNotFound.User`.
 */
function checkOperator(params: Record<string, unknown>, operatorIds: ReadonlySet<string>): void {
  const userId = (params.Operator as { UserId?: string }).UserId;
  if (userId === undefined || userId === '') throw missing('Operator.UserId');
  if (!operatorIds.has(userId)) {
    throw new EssError(
      'InvalidParameterValue',
      `参数 Operator.UserId 取值错误：操作人 ${userId} 不是本企业的员工`,
    );
  }
}

function publicBaseUrlFor(req: IncomingMessage, settings: EmulatorSettings): string {
  return settings.publicBaseUrl ?? `http://${headerOf(req, 'host') ?? '127.0.0.1'}`;
}

async function readRequestBody(req: IncomingMessage): Promise<Buffer> {
  try {
    return await readBody(req, MAX_REQUEST_BODY_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLargeError) throw gatewayErrors.bodyTooLarge(error.limit);
    throw error;
  }
}

/** Applies an injected fault; answers whether the answer must then be dropped. */
async function applyFault(action: string, deps: GatewayDependencies): Promise<boolean> {
  const fault = deps.faults.take(action);
  if (!fault) return false;
  if (!(await deps.delays.wait(fault.delayMs))) throw new RequestAbandoned();
  if (fault.code) throw new EssError(fault.code, fault.message ?? typicalMessageFor(fault.code));
  return fault.dropAnswer;
}

/** The call took effect; its answer is lost on the way (the connection drops). */
class AnswerDropped extends Error {}

function findAction(call: RecordedCall): ActionDefinition {
  if (!call.version) throw gatewayErrors.missingParameter('Version');
  if (call.version !== ESS_API_VERSION) throw gatewayErrors.noSuchVersion(call.version);
  if (!call.action) throw gatewayErrors.missingParameter('Action');
  const definition = ESS_ACTIONS.get(call.action);
  if (!definition) throw gatewayErrors.invalidAction(call.action);
  return definition;
}

/** Transport checks: only `POST /` with a JSON content type; answers the raw body. */
async function readApiRequestBody(req: IncomingMessage): Promise<Buffer> {
  if (req.method !== 'POST') throw gatewayErrors.unsupportedMethod(req.method ?? '');
  const contentType = headerOf(req, 'content-type') ?? '';
  if (!JSON_CONTENT_TYPE.test(contentType.trim())) {
    throw gatewayErrors.unsupportedContentType(contentType);
  }
  return readRequestBody(req);
}

function authenticate(
  req: IncomingMessage,
  body: Buffer,
  call: RecordedCall,
  settings: EmulatorSettings,
): void {
  const nowSeconds = Math.floor(call.at / 1000);
  const verdict = verifyTc3Request({
    method: 'POST',
    path: '/',
    query: '',
    headers: req.headers,
    body,
    secretKeyOf: (secretId) => (secretId === settings.secretId ? settings.secretKey : undefined),
    nowSeconds,
    maxAgeSeconds: SIGNATURE_MAX_AGE_SECONDS,
  });
  if (!verdict.ok) throw authError(verdict, nowSeconds);
  call.signatureValid = true;
}

function admit(action: string, deps: GatewayDependencies): void {
  const admission = deps.rateLimiter.tryAdmit(action, deps.settings.now());
  if (!admission.admitted) {
    throw gatewayErrors.requestLimitExceeded(admission.count, deps.settings.rateLimitPerSecond);
  }
}

/** The answer's fields, or throws the EssError to answer. Fills in `call` as it learns more. */
async function answer(
  req: IncomingMessage,
  call: RecordedCall,
  deps: GatewayDependencies,
): Promise<object> {
  const { settings } = deps;
  const body = await readApiRequestBody(req);
  const params = parseJsonObject(body);
  if (params) call.params = params;

  authenticate(req, body, call, settings);
  const definition = findAction(call);
  admit(call.action, deps);
  const dropAnswer = await applyFault(call.action, deps);

  if (!params) throw gatewayErrors.bodyNotJson();
  checkParameters(params, {
    Operator: { type: 'object', required: true, fields: USER_INFO_SCHEMA },
    ...definition.schema,
  });
  checkOperator(params, settings.operatorIds);
  const result = definition.handle({
    params,
    state: deps.state,
    nowMs: settings.now(),
    publicBaseUrl: publicBaseUrlFor(req, settings),
    settings: {
      miniAppIdAnswer: settings.miniAppIdAnswer,
      taskReadyDelayMs: settings.taskReadyDelayMs,
    },
  });
  if (dropAnswer) throw new AnswerDropped();
  return result;
}

export async function handleEssApiRequest(
  req: IncomingMessage,
  res: ServerResponse,
  deps: GatewayDependencies,
): Promise<void> {
  const { settings } = deps;
  const startedAt = Date.now();
  const record = deps.startRecording();
  const call: RecordedCall = {
    action: (headerOf(req, 'x-tc-action') ?? '').trim(),
    version: (headerOf(req, 'x-tc-version') ?? '').trim(),
    params: {},
    requestId: newRequestId(),
    at: settings.now(),
    signatureValid: false,
  };

  let outcome: object | EssError;
  try {
    outcome = await answer(req, call, deps);
  } catch (error) {
    if (error instanceof RequestAbandoned) {
      res.destroy();
      return;
    }
    if (error instanceof AnswerDropped) {
      call.answerDropped = true;
      record(call);
      settings.log(
        `[ess-emulator] ${call.action} done, answer dropped RequestId=${call.requestId}`,
      );
      res.destroy();
      return;
    }
    if (error instanceof EssError) {
      outcome = error;
    } else {
      settings.log(`[ess-emulator] internal error in ${call.action || '-'}: ${String(error)}`);
      outcome = new EssError('InternalError', '内部错误。');
    }
  }
  if (!(await deps.delays.wait(deps.latencyMs()))) {
    res.destroy();
    return;
  }

  if (outcome instanceof EssError) call.errorCode = outcome.code;
  record(call);
  settings.log(
    `[ess-emulator] ${call.action || '-'} ${call.errorCode ?? 'OK'} RequestId=${call.requestId} ${Date.now() - startedAt}ms`,
  );

  const traceId = headerOf(req, 'x-tc-traceid');
  const headers: Record<string, string> = traceId ? { 'X-TC-TraceId': traceId } : {};
  // A body cut short leaves unread bytes on the connection: close it after answering.
  if (call.errorCode === 'RequestSizeLimitExceeded') headers.Connection = 'close';
  const envelope =
    outcome instanceof EssError
      ? errorEnvelope(outcome, call.requestId)
      : successEnvelope(outcome, call.requestId);
  sendJson(res, 200, envelope, headers);
}
