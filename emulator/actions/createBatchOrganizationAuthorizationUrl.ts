/**
 * CreateBatchOrganizationAuthorizationUrl: one link through which a super administrator completes the
 * registration of several organizations (sub-tasks of ready registration tasks).
 *
 * A sub-task belongs to the administrator it was registered with (AdminName + AdminMobile, and the ID
 * number when both sides have one). Sub-tasks that do not belong to the administrator, or do not
 * exist, are filtered out with one `ErrorMessages` entry each ("若 SubTaskId 不属于传入的超级管理员，
 * 将进行筛选"). When no sub-task remains, the call fails with `InvalidParameterValue`.
 * Without `SubTaskIds`, every ready sub-task of the administrator is included. Only sub-tasks of
 * the organization the call acts for (`Agent.ProxyOrganizationId`, see `proxyOrganization.ts`)
 * exist for it.
 */
import type {
  CreateBatchOrganizationAuthorizationUrlRequest,
  CreateBatchOrganizationAuthorizationUrlResponse,
} from 'tencentcloud-sdk-nodejs/tencentcloud/services/ess/v20201111/ess_models';
import { maskPersonName } from '../masks';
import { LINK_LIFETIME_SECONDS } from '../defaults';
import { newLongId, newShortKey } from '../ids';
import { batchAuthorizationUrl } from '../links';
import { AGENT_SCHEMA } from '../parameterSchema';
import type { AuthorizationEndpoint, EmulatorState, RegistrationSubTask } from '../state';
import {
  ID_CARD_TYPES,
  idCardNumberProblem,
  invalidValue,
  normalizeEssMobile,
  oneOf,
  personNameProblem,
} from '../validation';
import type { ActionContext, ActionDefinition } from './actionTypes';
import { presentText } from './presentText';
import { sameOrganization } from './proxyOrganization';

const ENDPOINTS: readonly AuthorizationEndpoint[] = ['HTTP', 'HTTP_SHORT_URL', 'APP', 'QR_CODE'];

interface Administrator {
  name: string;
  mobile: string;
  idCardNumber?: string;
}

function belongsTo(subTask: RegistrationSubTask, admin: Administrator): boolean {
  if (subTask.adminName !== admin.name || subTask.adminMobile !== admin.mobile) return false;
  return !(
    admin.idCardNumber &&
    subTask.adminIdCardNumber &&
    admin.idCardNumber !== subTask.adminIdCardNumber
  );
}

interface Selection {
  subTaskIds: string[];
  errorMessages: string[];
}

function selectSubTasks(
  request: CreateBatchOrganizationAuthorizationUrlRequest,
  admin: Administrator,
  state: EmulatorState,
  nowMs: number,
): Selection {
  const requestedIds = request.SubTaskIds;
  // Sub-tasks of another organization (see `proxyOrganization.ts`) do not exist for this call.
  const visible = (subTask: RegistrationSubTask | undefined): subTask is RegistrationSubTask => {
    const task = subTask && state.registrationTasks.get(subTask.taskId);
    return !!task && sameOrganization(task, request.Agent);
  };
  if (!requestedIds || requestedIds.length === 0) {
    const owned = [...state.registrationSubTasks.values()].filter(
      (subTask) =>
        visible(subTask) && state.isSubTaskReady(subTask, nowMs) && belongsTo(subTask, admin),
    );
    return { subTaskIds: owned.map((subTask) => subTask.subTaskId), errorMessages: [] };
  }
  const selection: Selection = { subTaskIds: [], errorMessages: [] };
  for (const id of new Set(requestedIds)) {
    const subTask = state.registrationSubTasks.get(id);
    if (!visible(subTask) || !state.isSubTaskReady(subTask, nowMs)) {
      selection.errorMessages.push(`子任务 ${id} 不存在或尚未处理完成，已筛选`);
    } else if (!belongsTo(subTask, admin)) {
      selection.errorMessages.push(`子任务 ${id} 不属于超管 ${maskPersonName(admin.name)}，已筛选`);
    } else {
      selection.subTaskIds.push(id);
    }
  }
  return selection;
}

function readAdministrator(request: CreateBatchOrganizationAuthorizationUrlRequest): Administrator {
  const nameProblem = personNameProblem(request.AdminName);
  if (nameProblem) throw invalidValue('AdminName', nameProblem);
  const mobile = normalizeEssMobile(request.AdminMobile);
  if (mobile === null) throw invalidValue('AdminMobile', '手机号应为11位数字，可带+86前缀');
  const idCardType = oneOf(
    'AdminIdCardType',
    presentText(request.AdminIdCardType),
    ID_CARD_TYPES,
    'ID_CARD',
  );
  const idCardNumber = presentText(request.AdminIdCardNumber);
  if (idCardNumber !== undefined) {
    const problem = idCardNumberProblem(idCardType, idCardNumber);
    if (problem) throw invalidValue('AdminIdCardNumber', problem);
  }
  return { name: request.AdminName, mobile, idCardNumber };
}

function handle({
  params,
  state,
  nowMs,
  publicBaseUrl,
}: ActionContext): CreateBatchOrganizationAuthorizationUrlResponse {
  const request = params as unknown as CreateBatchOrganizationAuthorizationUrlRequest;
  const admin = readAdministrator(request);
  const endpoint = oneOf('Endpoint', presentText(request.Endpoint), ENDPOINTS, 'HTTP');

  const { subTaskIds, errorMessages } = selectSubTasks(request, admin, state, nowMs);
  if (subTaskIds.length === 0) {
    const details = errorMessages.length > 0 ? `：${errorMessages.join('；')}` : '';
    throw invalidValue('SubTaskIds', `没有属于该超管且已处理完成的企业认证子任务${details}`);
  }

  const url = batchAuthorizationUrl(endpoint, newShortKey(), newLongId(), publicBaseUrl);
  const expiresAtMs = nowMs + LINK_LIFETIME_SECONDS * 1000;
  // No MiniAppId: this action's answer does not have one, even for APP links.
  return { AuthUrl: url, ErrorMessages: errorMessages, ExpireTime: Math.floor(expiresAtMs / 1000) };
}

export const createBatchOrganizationAuthorizationUrl: ActionDefinition = {
  schema: {
    AdminName: { type: 'string', required: true },
    AdminMobile: { type: 'string', required: true },
    Agent: { type: 'object', fields: AGENT_SCHEMA },
    SubTaskIds: { type: 'array', items: { type: 'string' } },
    AdminIdCardType: { type: 'string' },
    AdminIdCardNumber: { type: 'string' },
    Endpoint: { type: 'string' },
  },
  handle,
};
