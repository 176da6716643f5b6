import { Input, Text, View } from '@tarojs/components';
import type { InputProps } from '@tarojs/components';
import './index.css';

export interface FormFieldProps {
  id: string;
  label: string;
  value: string;
  placeholder: string;
  type?: InputProps['type'];
  maxlength?: number;
  /** Shown under the input; the field is outlined in red while present. */
  error?: string;
  disabled?: boolean;
  onInput: (value: string) => void;
  onBlur: (value: string) => void;
}

/** One labelled input with its inline message. */
export default function FormField(props: FormFieldProps) {
  const { id, label, value, placeholder, type = 'text', maxlength = 40, error, disabled } = props;
  return (
    <View className={error ? 'form-field form-field--error' : 'form-field'}>
      <View className="form-field__row">
        <Text className="form-field__label">{label}</Text>
        <Input
          id={id}
          className="form-field__input"
          ariaLabel={label}
          type={type}
          value={value}
          placeholder={placeholder}
          placeholderClass="form-field__placeholder"
          maxlength={maxlength}
          {...(disabled ? { disabled: true } : {})}
          onInput={(e) => props.onInput(e.detail.value)}
          onBlur={(e) => props.onBlur(e.detail.value)}
        />
      </View>
      {error ? (
        <Text className="form-field__error" id={`${id}-error`}>
          {error}
        </Text>
      ) : null}
    </View>
  );
}
