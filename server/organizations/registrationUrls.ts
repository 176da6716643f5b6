/**
 * The links of a registration task (ESS DescribeBatchOrganizationRegistrationUrls), for the
 * caller's own tasks only. The task is asynchronous ("正常情况下 3~5 秒"): until it is ready ESS
 * answers `FailedOperation` "任务处理中，请稍后重试", answered here as `ready: false` at once; the
 * page polls with back-off, so the function never waits or retries for it.
 */
import type {
  DescribeBatchOrganizationRegistrationUrlsResult,
  RegistrationUrlRow,
} from '../../src/domain/organizationContract';
import type { OrganizationAuthUrl } from 'tencentcloud-sdk-nodejs/tencentcloud/services/ess/v20201111/ess_models';
import { EssCallError } from '../ess/essError';
import type { EssGateway } from '../ess/essGateway';
import { failure } from '../failure';
import type { Logger } from '../log';
import type { RegistrationOwnership } from './ownership';

/** ESS's "still processing" answer (the one error this action has that is not a failure). */
export function isTaskProcessing(error: unknown): boolean {
  return (
    error instanceof EssCallError &&
    error.failure.essCode === 'FailedOperation' &&
    /处理中/.test(error.failure.essMessage)
  );
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
  log: Logger;
  now?: () => number;
}

export function registrationUrls({ ess, ownership, log, now = Date.now }: RegistrationUrlsDeps) {
  return {
    async describe(
      owner: string,
      taskId: string,
    ): Promise<DescribeBatchOrganizationRegistrationUrlsResult> {
      const task = await ownership.ownedTask(owner, taskId);
      if (!task) {
        log.warn('registration task unknown or not the caller’s', { taskId });
        return failure('TASK_NOT_FOUND');
      }
      let response;
      try {
        response = await ess.call('DescribeBatchOrganizationRegistrationUrls', { TaskId: taskId });
      } catch (error) {
        if (!isTaskProcessing(error)) throw error;
        log.info('registration task still processing', { taskId });
        return { ok: true, ready: false };
      }
      const rows = (response.OrganizationAuthUrls ?? []).map(toRow);
      const subTaskIds = rows.map((row) => row.subTaskId).filter(Boolean);
      await ownership.recordSubTasks(taskId, task, subTaskIds, now());
      log.info('registration task ready', { taskId, organizations: rows.length });
      return { ok: true, ready: true, rows };
    },
  };
}
