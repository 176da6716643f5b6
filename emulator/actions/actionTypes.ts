/** What an action handler gets and gives. */
import type { Schema } from '../parameterSchema';
import type { EmulatorState } from '../state';

export interface ActionSettings {
  miniAppIdAnswer: string;
  taskReadyDelayMs: number;
}

export interface ActionContext {
  /** The request body, already checked against the action's schema and operator. */
  params: Record<string, unknown>;
  state: EmulatorState;
  /** The emulator's clock, in ms, when the call arrived. */
  nowMs: number;
  /** Base URL of links to the emulator's own pages. */
  publicBaseUrl: string;
  settings: ActionSettings;
}

export interface ActionDefinition {
  /** The parameters of the action (besides `Operator`, which every action here takes). */
  schema: Schema;
  /** Returns the answer's fields (without RequestId) or throws an EssError. */
  handle(context: ActionContext): object;
}
