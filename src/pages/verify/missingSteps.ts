/** What still stands between the user and "提交": said in words, in the order of the page. */
import type {
  VerificationField,
  VerificationInput,
  VerificationInputCheck,
} from '../../domain/verificationInput';
import { FORM_FIELDS } from './useVerifyForm';

export const FIELD_LABELS: Record<VerificationField, string> = {
  name: '姓名',
  idCardNumber: '身份证号',
  mobile: '手机号',
};

export interface MissingStep {
  /** The field, or the consent box, to scroll to and mark. */
  target: VerificationField | 'consent';
  text: string;
}

export function missingSteps(
  values: VerificationInput,
  check: VerificationInputCheck,
  consent: boolean,
): MissingStep[] {
  const steps: MissingStep[] = [];
  if (!check.ok) {
    for (const field of FORM_FIELDS) {
      if (!check.errors[field]) continue;
      const verb = values[field].trim() ? '修改' : '填写';
      steps.push({ target: field, text: `${verb}${FIELD_LABELS[field]}` });
    }
  }
  if (!consent) steps.push({ target: 'consent', text: '勾选同意《个人信息保护说明》' });
  return steps;
}

/** `请先填写姓名、勾选同意《个人信息保护说明》` */
export function describeMissing(steps: readonly MissingStep[]): string {
  return `请先${steps.map((step) => step.text).join('、')}`;
}
