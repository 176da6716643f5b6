import { Input, Text, View } from '@tarojs/components';
import type { InputProps } from '@tarojs/components';
import './index.css';

export interface FormFieldProps {
  /** The input's id; the field's wrapper is `${id}-field` (a scroll target). */
  id: string;
  label: string;
  value: string;
  placeholder: string;
  type?: InputProps['type'];
  /**
   * `tel`: a phone number as people paste it (`+86 138 0013 8000`). WeChat has no phone
   * keyboard that takes `+` or spaces, so the input is plain text there; browsers get `type=tel`.
   */
  keyboard?: 'tel';
  maxlength?: number;
  /** Says what format is expected; shown under the input while there is no error. */
  hint?: string;
  /** Shown under the input; the field is outlined in red while present. */
  error?: string;
  disabled?: boolean;
  onInput: (value: string) => void;
  onBlur: (value: string) => void;
}

/** Browser attributes of the native input (Taro passes `nativeProps` on h5 only). */
function nativePropsOf(props: FormFieldProps, describedBy: string | undefined) {
  return {
    'aria-label': props.label,
    ...(describedBy ? { 'aria-describedby': describedBy } : {}),
    ...(props.error ? { 'aria-invalid': 'true' } : {}),
    ...(props.keyboard === 'tel' ? { type: 'tel', inputMode: 'tel', autoComplete: 'tel' } : {}),
  };
}

/** One labelled input with its format hint or its inline message. */
export default function FormField(props: FormFieldProps) {
  const { id, label, value, placeholder, maxlength = 40, hint, error, disabled } = props;
  const type = props.keyboard === 'tel' ? 'text' : (props.type ?? 'text');
  const noteId = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <View id={`${id}-field`} className={error ? 'form-field form-field--error' : 'form-field'}>
      <View className="form-field__row">
        <Text className="form-field__label">{label}</Text>
        <View className="form-field__control">
          <Input
            id={id}
            className="form-field__input"
            ariaLabel={label}
            {...(noteId ? { 'aria-describedby': noteId } : {})}
            {...(error ? { 'aria-invalid': 'true' } : {})}
            type={type}
            value={value}
            placeholder={placeholder}
            placeholderClass="form-field__placeholder"
            maxlength={maxlength}
            {...(disabled ? { disabled: true } : {})}
            nativeProps={nativePropsOf(props, noteId)}
            onInput={(e) => props.onInput(e.detail.value)}
            onBlur={(e) => props.onBlur(e.detail.value)}
          />
          {error ? (
            <Text className="form-field__note form-field__error" id={`${id}-error`}>
              {error}
            </Text>
          ) : hint ? (
            <Text className="form-field__note" id={`${id}-hint`}>
              {hint}
            </Text>
          ) : null}
        </View>
      </View>
    </View>
  );
}
