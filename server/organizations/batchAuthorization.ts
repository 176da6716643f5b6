/**
 * One link through which a super admin completes the registration of several enterprises
 * (ESS CreateBatchOrganizationAuthorizationUrl). Sub-tasks named in the request must be the
 * caller's own (recorded when their task's links were read); ESS itself filters out those not
 * registered with this admin and says so in `ErrorMessages`, which are passed on.
 */
import { ESS_MINI_APP_ENV_VERSION } from '../../src/domain/essApps';
import type { CreateBatchOrganizationAuthorizationUrlResult } from '../../src/domain/organizationContract';
import { maskMobile, maskName } from '../../src/domain/mask';
import type { EssConfig } from '../config';
import type { EssGateway, EssRequest } from '../ess/essGateway';
import { failure } from '../failure';
import type { Logger } from '../log';
import type { RegistrationOwnership } from './ownership';
import type { AuthorizationRequest } from './requests';

/** Shown with sub-task problems: ESS matches the admin exactly as registered. */
export const ADMIN_MUST_MATCH = '超管姓名、手机号和证件号须与创建认证任务时填写的一致';

export interface BatchAuthorizationDeps {
  config: EssConfig;
  ess: EssGateway;
  ownership: RegistrationOwnership;
  log: Logger;
}

function essRequest(
  request: AuthorizationRequest,
): EssRequest<'CreateBatchOrganizationAuthorizationUrl'> {
  const { admin } = request;
  return {
    AdminName: admin.adminName,
    AdminMobile: admin.adminMobile,
    ...(admin.adminIdCardNumber
      ? { AdminIdCardType: admin.adminIdCardType, AdminIdCardNumber: admin.adminIdCardNumber }
      : {}),
    ...(request.subTaskIds ? { SubTaskIds: request.subTaskIds } : {}),
    Endpoint: request.endpoint,
    ...(request.proxyOrganizationId
      ? { Agent: { ProxyOrganizationId: request.proxyOrganizationId } }
      : {}),
  };
}

export function batchAuthorization({ config, ess, ownership, log }: BatchAuthorizationDeps) {
  return {
    /** `request` must come from `parseAuthorizationEvent`. */
    async createUrl(
      owner: string,
      request: AuthorizationRequest,
    ): Promise<CreateBatchOrganizationAuthorizationUrlResult> {
      if (request.subTaskIds) {
        const notOwned = await ownership.notOwnedSubTasks(owner, request.subTaskIds);
        if (notOwned.length > 0) {
          log.warn('sub-tasks unknown or not the caller’s', { subTaskIds: notOwned.join(',') });
          return failure('TASK_NOT_FOUND', {
            message:
              `以下企业认证子任务不存在、尚未查询到或不是你创建的：${notOwned.join('、')}。` +
              `请先查询认证任务的结果再生成链接；${ADMIN_MUST_MATCH}`,
          });
        }
      }
      const response = await ess.call(
        'CreateBatchOrganizationAuthorizationUrl',
        essRequest(request),
      );
      const expireTime = Number(response.ExpireTime);
      if (!response.AuthUrl || !Number.isFinite(expireTime)) {
        log.error('ESS answered without a usable link', { requestId: response.RequestId });
        return failure('ESS_FAILED', { requestId: response.RequestId });
      }
      log.info('authorization link created', {
        endpoint: request.endpoint,
        admin: maskName(request.admin.adminName),
        mobile: maskMobile(request.admin.adminMobile),
        subTasks: request.subTaskIds?.length ?? 'all',
        filtered: response.ErrorMessages?.length ?? 0,
        requestId: response.RequestId,
      });
      return {
        ok: true,
        authUrl: response.AuthUrl,
        expireTime,
        errorMessages: response.ErrorMessages ?? [],
        // ESS answers no MiniAppId for APP: the link opens in the ESS mini-program of the
        // environment that issued it.
        ...(request.endpoint === 'APP'
          ? { miniAppId: config.miniAppId, envVersion: ESS_MINI_APP_ENV_VERSION }
          : {}),
      };
    },
  };
}
