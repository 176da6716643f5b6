/**
 * DescribeBatchOrganizationRegistrationUrls: the links of a registration task's organizations.
 *
 * While the task is still processing: the `OrganizationAuthUrl` model has no status field, so an
 * empty list would be indistinguishable from "no organization". The emulator answers the error
 * `FailedOperation` ("任务处理中，请稍后重试"), FailedOperation being the documented code of an
 * operation that cannot complete now; callers poll until it succeeds ("正常情况下 3~5 秒即可完成").
 */
import type {
  DescribeBatchOrganizationRegistrationUrlsRequest,
  DescribeBatchOrganizationRegistrationUrlsResponse,
} from 'tencentcloud-sdk-nodejs/tencentcloud/services/ess/v20201111/ess_models';
import { EssError } from '../envelope';
import { AGENT_SCHEMA } from '../parameterSchema';
import { invalidValue } from '../validation';
import type { ActionContext, ActionDefinition } from './actionTypes';
import { sameOrganization } from './proxyOrganization';

export const TASK_PROCESSING_MESSAGE = '任务处理中，请稍后重试';

function handle({
  params,
  state,
  nowMs,
}: ActionContext): DescribeBatchOrganizationRegistrationUrlsResponse {
  const request = params as unknown as DescribeBatchOrganizationRegistrationUrlsRequest;
  const task = state.registrationTasks.get(request.TaskId);
  // A task of another organization (another subsidiary, or the group parent's own) is not found.
  if (!task || !sameOrganization(task, request.Agent)) {
    throw invalidValue('TaskId', `任务 ${request.TaskId} 不存在`);
  }
  if (nowMs < task.readyAtMs) throw new EssError('FailedOperation', TASK_PROCESSING_MESSAGE);
  return {
    OrganizationAuthUrls: task.subTasks.map((subTask) => ({
      AuthUrl: subTask.authUrl,
      ErrorMessage: '',
      SubTaskId: subTask.subTaskId,
      OrganizationName: subTask.organizationName,
    })),
  };
}

export const describeBatchOrganizationRegistrationUrls: ActionDefinition = {
  schema: {
    TaskId: { type: 'string', required: true },
    Agent: { type: 'object', fields: AGENT_SCHEMA },
  },
  handle,
};
