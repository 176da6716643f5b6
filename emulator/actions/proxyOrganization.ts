/**
 * `Agent.ProxyOrganizationId`: a group parent acting for one of its subsidiaries. What it creates
 * belongs to that subsidiary, and is found again only by a call acting for the same one — a
 * registration task created for subsidiary A is "不存在" to the parent itself or to subsidiary B.
 */
import type { Agent } from 'tencentcloud-sdk-nodejs/tencentcloud/services/ess/v20201111/ess_models';
import type { RegistrationTask } from '../state';
import { presentText } from './presentText';

/** The organization a call acts for, as stored with what it creates. */
export function proxyOrganizationOf(agent: Agent | undefined): { proxyOrganizationId?: string } {
  const id = presentText(agent?.ProxyOrganizationId);
  return id ? { proxyOrganizationId: id } : {};
}

/** Whether a call with `agent` acts for the organization `task` belongs to. */
export function sameOrganization(task: RegistrationTask, agent: Agent | undefined): boolean {
  return task.proxyOrganizationId === proxyOrganizationOf(agent).proxyOrganizationId;
}
