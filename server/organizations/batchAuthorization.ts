/**
 * One link through which a super admin completes the registration of several enterprises
 * (ESS CreateBatchOrganizationAuthorizationUrl). Sub-tasks named in the request must be the
 * caller's own (recorded when their task's links were read); ESS itself filters out those not
 * registered with this super admin and says so in `ErrorMessages`, which are passed on.
 */
import { ESS_MINI_APP_ENV_VERSION } from '../../src/domain/essApps';
import type { CreateBatchOrganizationAuthorizationUrlResult } from '../../src/domain/organizationContract';
import { maskMobile, maskName } from '../../src/domain/mask';
import type { EssConfig } from '../config';
import type { EssGateway, EssRequest } from '../ess/essGateway';
import type { Logger } from '../log';
import { agentFor } from './essRegistration';
import type { OperatorFail, OperatorFailure } from './operatorFailure';
import type { RegistrationOwnership } from './ownership';
import type { AuthorizationRequest } from './requests';
import { assignMessages, type SubTaskRef } from './subTaskMessages';
import { subTasksNotFound } from './wording';

export interface BatchAuthorizationDeps {
  config: EssConfig;
  ess: EssGateway;
  ownership: RegistrationOwnership;
  /** The function's failure helper (its wording). */
  fail: OperatorFail;
  log: Logger;
}

function essRequest(
  request: AuthorizationRequest,
): EssRequest<'CreateBatchOrganizationAuthorizationUrl'> {
  const { superAdmin } = request;
  return {
    AdminName: superAdmin.superAdminName,
    AdminMobile: superAdmin.superAdminMobile,
    ...(superAdmin.superAdminIdCardNumber
      ? {
          AdminIdCardType: superAdmin.superAdminIdCardType,
          AdminIdCardNumber: superAdmin.superAdminIdCardNumber,
        }
      : {}),
    ...(request.subTaskIds ? { SubTaskIds: request.subTaskIds } : {}),
    Endpoint: request.endpoint,
    ...agentFor(request.proxyOrganizationId),
  };
}

type AuthorizationResult = CreateBatchOrganizationAuthorizationUrlResult | OperatorFailure;

export function batchAuthorization({ config, ess, ownership, fail, log }: BatchAuthorizationDeps) {
  return {
    /** `request` must come from `parseAuthorizationEvent`. */
    async createUrl(owner: string, request: AuthorizationRequest): Promise<AuthorizationResult> {
      let named: SubTaskRef[] = [];
      if (request.subTaskIds) {
        const { owned, notOwned } = await ownership.subTasksOf(owner, request.subTaskIds);
        if (notOwned.length > 0) {
          log.warn('sub-tasks unknown or not the caller’s', { subTaskIds: notOwned.join(',') });
          return fail('TASK_NOT_FOUND', { message: subTasksNotFound(notOwned) });
        }
        named = owned;
      }
      const response = await ess.call(
        'CreateBatchOrganizationAuthorizationUrl',
        essRequest(request),
      );
      const expireTime = Number(response.ExpireTime);
      if (!response.AuthUrl || !Number.isFinite(expireTime)) {
        log.error('ESS answered without a usable link', { requestId: response.RequestId });
        return fail('ESS_FAILED', response.RequestId ? { requestId: response.RequestId } : {});
      }
      log.info('authorization link created', {
        endpoint: request.endpoint,
        superAdmin: maskName(request.superAdmin.superAdminName),
        mobile: maskMobile(request.superAdmin.superAdminMobile),
        subTasks: request.subTaskIds?.length ?? 'all',
        filtered: response.ErrorMessages?.length ?? 0,
        requestId: response.RequestId,
      });
      const errorMessages = response.ErrorMessages ?? [];
      const placed = assignMessages(errorMessages, named);
      return {
        ok: true,
        authUrl: response.AuthUrl,
        expireTime,
        errorMessages,
        subTaskMessages: placed.bySubTask,
        otherMessages: placed.others,
        // ESS answers no MiniAppId for APP: the link opens in the ESS mini-program of the
        // environment that issued it.
        ...(request.endpoint === 'APP'
          ? { miniAppId: config.miniAppId, envVersion: ESS_MINI_APP_ENV_VERSION }
          : {}),
      };
    },
  };
}
