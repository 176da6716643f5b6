import { Checkbox, CheckboxGroup, Text, View } from '@tarojs/components';
import FormField from '../../components/FormField';
import Paragraph from '../../components/Paragraph';
import { roleProps } from '../../components/a11y';
import { openPrivacyNotice } from '../../services/navigation';
import type { VerificationField } from '../../domain/verificationInput';
import { FIELD_LABELS } from './missingSteps';
import type { VerifyForm } from './useVerifyForm';

export interface VerifyFieldsProps {
  form: VerifyForm;
  consent: boolean;
  onConsentChange: (consent: boolean) => void;
  /** The consent box is what is missing (the user tried to submit): mark it. */
  consentMissing: boolean;
  /** While a request is under way or waiting its turn, what was typed is shown but not editable. */
  locked: boolean;
}

const CONSENT_VALUE = 'consent';
const CONSENT_LABEL = '我已阅读并同意《个人信息保护说明》';

/** The three fields and the consent box. Ids are scroll targets for the missing-step hint. */
export default function VerifyFields({
  form,
  consent,
  onConsentChange,
  consentMissing,
  locked,
}: VerifyFieldsProps) {
  /** What ties a field to the form: id (a scroll target), label, value, message, lock, handlers. */
  const bound = (field: VerificationField) => ({
    id: field,
    label: FIELD_LABELS[field],
    value: form.values[field],
    error: form.errors[field],
    disabled: locked,
    onInput: (value: string) => form.setValue(field, value),
    onBlur: (value: string) => form.blur(field, value),
  });

  return (
    <View>
      <View className="card card--form">
        <FormField {...bound('name')} placeholder="身份证上的姓名" maxlength={30} />
        <FormField
          {...bound('idCardNumber')}
          placeholder="18位居民身份证号"
          type="idcard"
          maxlength={24}
        />
        <FormField
          {...bound('mobile')}
          placeholder="11位手机号"
          hint="可直接粘贴，如 +86 138 0013 8000，空格和 +86 会自动去掉"
          keyboard="tel"
          maxlength={20}
        />
      </View>
      <Paragraph
        className="hint hint--page"
        text="仅支持中国大陆居民身份证。信息仅用于本次实名认证。"
      />

      <View id="consent" className={consentMissing ? 'consent consent--missing' : 'consent'}>
        <CheckboxGroup onChange={(e) => onConsentChange(e.detail.value.includes(CONSENT_VALUE))}>
          <Checkbox
            className="consent__checkbox"
            value={CONSENT_VALUE}
            checked={consent}
            disabled={locked}
            color="#1f6feb"
            ariaLabel={CONSENT_LABEL}
          />
        </CheckboxGroup>
        {/* Not a <Label>: on h5 it wraps its children in a <label> no style can reach, which
            broke the row; tapping the words toggles the box all the same. */}
        <Text
          className="consent__text"
          aria-hidden="true"
          onClick={() => !locked && onConsentChange(!consent)}
        >
          我已阅读并同意
        </Text>
        <Text className="link consent__link" onClick={openPrivacyNotice} {...roleProps('link')}>
          《个人信息保护说明》
        </Text>
      </View>
    </View>
  );
}
