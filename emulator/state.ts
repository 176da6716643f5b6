/**
 * Everything the emulator remembers between calls. In memory; `snapshot()` / `restore()` let the
 * emulator keep it in a file across restarts (option `stateFile`); `clear()` forgets it all.
 */
import type { IdCardType } from './validation';

export type UserVerifyEndpoint = 'HTTP' | 'HTTP_SHORT_URL' | 'APP' | 'H5' | 'H5_SHORT_URL';

/** A personal verification link made by CreateUserVerifyUrl. */
export interface UserVerifyLink {
  shortKey: string;
  url: string;
  endpoint: UserVerifyEndpoint;
  name: string;
  idCardType: IdCardType;
  idCardNumber: string;
  /** 11 digits, without `+86`. */
  mobile?: string;
  jumpUrl?: string;
  userData?: string;
  autoJumpBack: boolean;
  createdAtMs: number;
  expiresAtMs: number;
}

export type RegistrationEndpoint = 'PC' | 'SHORT_URL' | 'APP' | 'H5' | 'SHORT_H5';

/** One organization of a batch registration task. */
export interface RegistrationSubTask {
  subTaskId: string;
  taskId: string;
  organizationName: string;
  uniformSocialCreditCode: string;
  authUrl: string;
  /** The super administrator the organization was registered with: owns the sub-task. */
  adminName?: string;
  adminMobile?: string;
  adminIdCardType: IdCardType;
  adminIdCardNumber?: string;
}

/** A CreateBatchOrganizationRegistrationTasks task: processing until `readyAtMs`. */
export interface RegistrationTask {
  taskId: string;
  /**
   * The organization the task belongs to: the subsidiary named by `Agent.ProxyOrganizationId`
   * (a group parent acting for it), or the caller's own organization when absent. The task is
   * only found, and its sub-tasks only authorised, for that same organization.
   */
  proxyOrganizationId?: string;
  endpoint: RegistrationEndpoint;
  batchAuthMethod: number;
  createdAtMs: number;
  readyAtMs: number;
  subTasks: RegistrationSubTask[];
}

export type AuthorizationEndpoint = 'HTTP' | 'HTTP_SHORT_URL' | 'APP' | 'QR_CODE';

export interface EmulatorStateSnapshot {
  version: 1;
  verifiedPeople: string[];
  userVerifyLinks: UserVerifyLink[];
  registrationTasks: RegistrationTask[];
}

function personKey(name: string, idCardNumber: string): string {
  return `${name}\u0000${idCardNumber}`;
}

export class EmulatorState {
  private readonly verifiedPeople = new Set<string>();
  readonly userVerifyLinks = new Map<string, UserVerifyLink>();
  readonly registrationTasks = new Map<string, RegistrationTask>();
  readonly registrationSubTasks = new Map<string, RegistrationSubTask>();

  markVerified(name: string, idCardNumber: string): void {
    this.verifiedPeople.add(personKey(name, idCardNumber));
  }

  isVerified(name: string, idCardNumber: string): boolean {
    return this.verifiedPeople.has(personKey(name, idCardNumber));
  }

  addRegistrationTask(task: RegistrationTask): void {
    this.registrationTasks.set(task.taskId, task);
    for (const subTask of task.subTasks) this.registrationSubTasks.set(subTask.subTaskId, subTask);
  }

  /** Whether the task a sub-task belongs to has finished processing at `nowMs`. */
  isSubTaskReady(subTask: RegistrationSubTask, nowMs: number): boolean {
    const task = this.registrationTasks.get(subTask.taskId);
    return task !== undefined && nowMs >= task.readyAtMs;
  }

  /** A JSON-safe copy of everything remembered. */
  snapshot(): EmulatorStateSnapshot {
    return {
      version: 1,
      verifiedPeople: [...this.verifiedPeople],
      userVerifyLinks: [...this.userVerifyLinks.values()],
      registrationTasks: [...this.registrationTasks.values()],
    };
  }

  /** Replaces the state with a snapshot taken earlier (unknown versions are ignored). */
  restore(snapshot: EmulatorStateSnapshot): void {
    if (snapshot?.version !== 1) return;
    this.clear();
    for (const person of snapshot.verifiedPeople) this.verifiedPeople.add(person);
    for (const link of snapshot.userVerifyLinks) this.userVerifyLinks.set(link.shortKey, link);
    for (const task of snapshot.registrationTasks) this.addRegistrationTask(task);
  }

  clear(): void {
    this.verifiedPeople.clear();
    this.userVerifyLinks.clear();
    this.registrationTasks.clear();
    this.registrationSubTasks.clear();
  }
}
