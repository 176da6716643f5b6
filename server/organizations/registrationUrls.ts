/**
 * The links of a registration task (ESS DescribeBatchOrganizationRegistrationUrls), for the
 * caller's own tasks only. The task is asynchronous ("正常情况下 3~5 秒"), and how ESS says "not
 * yet" is not documented, so every plausible form of it is answered `ready: false` at once (the
 * page polls with back-off, so the function never waits or retries):
 *
 * - `FailedOperation` saying 任务处理中 (what the emulator answers);
 * - any other `FailedOperation` within `PROCESSING_GRACE_MS` of the task's submission (logged
 *   with ESS's message for the operator); after that it is a failure (`ESS_FAILED`);
 * - an empty `OrganizationAuthUrls`, or rows with neither a SubTaskId nor an ErrorMessage.
 *
 * The sub-tasks ESS answers are recorded as the caller's on every read, adding those not yet
 * known, so that a row ESS fills in later is authorised too (see `ownership.ts`).
 *
 * A task created for a subsidiary (`Agent.ProxyOrganizationId`) is read for that subsidiary:
 * the id remembered with the task is sent, and an event naming another one is refused.
 * "Still processing" is an ordinary answer: the gateway logs it at level info, not error.
 */
import type {
  DescribeBatchOrganizationRegistrationUrlsResult,
  RegistrationUrlRow,
} from '../../src/domain/organizationContract';
import type { OrganizationAuthUrl } from 'tencentcloud-sdk-nodejs/tencentcloud/services/ess/v20201111/ess_models';
import { EssCallError, type EssFailure } from '../ess/essError';
import type { EssGateway } from '../ess/essGateway';
import type { Logger } from '../log';
import { agentFor } from './essRegistration';
import type { OperatorFail, OperatorFailure } from './operatorFailure';
import type { RegistrationOwnership } from './ownership';
import type { RegistrationUrlsRequest } from './requests';
import { INPUT_PROBLEMS } from './wording';

/** How long after its submission a task's `FailedOperation` is taken as "still processing". */
export const PROCESSING_GRACE_MS = 10 * 60 * 1000;

const isFailedOperationCode = (failure: EssFailure): boolean =>
  failure.essCode === 'FailedOperation' || failure.essCode.startsWith('FailedOperation.');

const isFailedOperation = (error: unknown): error is EssCallError =>
  error instanceof EssCallError && isFailedOperationCode(error.failure);

/** ESS's explicit "still processing" answer (任务处理中，请稍后重试): ESS's own words, server-side. */
export function isTaskProcessing(error: unknown): boolean {
  return isFailedOperation(error) && /处理中/.test(error.failure.essMessage);
}

/** ESS's row as is: the link is never re-encoded (`&` stays `&`). */
function toRow(url: OrganizationAuthUrl): RegistrationUrlRow {
  return {
    subTaskId: url.SubTaskId ?? '',
    organizationName: url.OrganizationName ?? '',
    authUrl: url.AuthUrl ?? '',
    errorMessage: url.ErrorMessage ?? '',
  };
}

export interface RegistrationUrlsDeps {
  ess: EssGateway;
  ownership: RegistrationOwnership;
  /** The function's failure helper (its wording). */
  fail: OperatorFail;
  log: Logger;
  now?: () => number;
}

type DescribeResult = DescribeBatchOrganizationRegistrationUrlsResult | OperatorFailure;

export function registrationUrls(deps: RegistrationUrlsDeps) {
  const { ess, ownership, fail, log, now = Date.now } = deps;
  return {
    /** `request` must come from `parseRegistrationUrlsEvent`. */
    async describe(owner: string, request: RegistrationUrlsRequest): Promise<DescribeResult> {
      const { taskId } = request;
      const task = await ownership.ownedTask(owner, taskId);
      if (!task) {
        log.warn('registration task unknown or not the caller’s', { taskId });
        return fail('TASK_NOT_FOUND');
      }
      if (
        request.proxyOrganizationId &&
        task.proxyOrganizationId &&
        request.proxyOrganizationId !== task.proxyOrganizationId
      ) {
        log.warn('registration task read for another subsidiary', { taskId });
        return fail('INVALID_INPUT', { message: INPUT_PROBLEMS.proxyOrganizationIdOfTask });
      }
      const proxyOrganizationId = task.proxyOrganizationId ?? request.proxyOrganizationId;
      let response;
      try {
        response = await ess.call(
          'DescribeBatchOrganizationRegistrationUrls',
          { TaskId: taskId, ...agentFor(proxyOrganizationId) },
          { expected: isFailedOperationCode },
        );
      } catch (error) {
        if (!isFailedOperation(error)) throw error;
        const { essCode, essMessage, requestId } = error.failure;
        if (isTaskProcessing(error)) {
          log.info('registration task still processing', { taskId });
          return { ok: true, ready: false };
        }
        const ageMs = now() - task.createdAt;
        const fields = { taskId, essCode, essMessage, requestId, ageMs };
        if (ageMs < PROCESSING_GRACE_MS) {
          log.warn(
            'ESS answered FailedOperation for a recent task: taken as still processing',
            fields,
          );
          return { ok: true, ready: false };
        }
        log.error('ESS answered FailedOperation for the task', fields);
        throw error;
      }
      const rows = (response.OrganizationAuthUrls ?? []).map(toRow);
      // A row is answered once it has its sub-task, or ESS's reason why it has none.
      const unanswered = rows.filter((row) => !row.subTaskId && !row.errorMessage).length;
      const complete = rows.length > 0 && unanswered === 0;
      const found = rows.filter((row) => row.subTaskId);
      await ownership.recordSubTasks(taskId, task, found, now(), complete);
      if (!complete) {
        const fields = {
          taskId,
          rows: rows.length,
          unanswered,
          organizations: task.organizationCount,
          requestId: response.RequestId,
        };
        if (now() - task.createdAt < PROCESSING_GRACE_MS) {
          log.info('registration task links incomplete: taken as still processing', fields);
        } else {
          log.warn('registration task links still incomplete long after submission', fields);
        }
        return { ok: true, ready: false };
      }
      log.info('registration task ready', { taskId, organizations: rows.length });
      return {
        ok: true,
        ready: true,
        rows,
        ...(proxyOrganizationId ? { proxyOrganizationId } : {}),
      };
    },
  };
}
