import { View } from '@tarojs/components';
import FormField, { type FormFieldProps } from '../../../components/FormField';
import Paragraph from '../../../components/Paragraph';
import OptionGroup, { type Option } from '../../../components/OptionGroup';
import {
  SUPER_ADMIN_ID_CARD_TYPE_LABELS,
  type SuperAdminField,
} from '../../../domain/superAdminIdentity';
import {
  SUPER_ADMIN_ID_CARD_TYPES,
  type SuperAdminIdCardType,
} from '../../../domain/organizationContract';
import type { SuperAdminForm } from './useSuperAdminForm';

type TextFieldSpec = Pick<FormFieldProps, 'label' | 'placeholder' | 'type' | 'maxlength'> & {
  field: Exclude<SuperAdminField, 'superAdminIdCardType'>;
};

const NAME_AND_MOBILE: readonly TextFieldSpec[] = [
  { field: 'superAdminName', label: '超管姓名', placeholder: '证件上的姓名', maxlength: 50 },
  {
    field: 'superAdminMobile',
    label: '超管手机号',
    placeholder: '超管的手机号',
    type: 'number',
    maxlength: 20,
  },
];

const ID_NUMBER: TextFieldSpec = {
  field: 'superAdminIdCardNumber',
  label: '超管证件号',
  placeholder: '选填；创建任务时填过则须一致',
  type: 'idcard',
  maxlength: 24,
};

const ID_TYPE_OPTIONS: ReadonlyArray<Option<SuperAdminIdCardType>> = SUPER_ADMIN_ID_CARD_TYPES.map(
  (type) => ({
    value: type,
    label: SUPER_ADMIN_ID_CARD_TYPE_LABELS[type],
  }),
);

export interface SuperAdminFieldsProps {
  /** The card's id (the page scrolls to it when ESS found the super admin not matching). */
  id?: string;
  form: SuperAdminForm;
  /** Said right under the fields: they do not match what the enterprises were created with. */
  mismatch?: string | null;
}

/** The super admin: name, mobile, document type and (optional) number. */
export default function SuperAdminFields({ id, form, mismatch }: SuperAdminFieldsProps) {
  const textField = ({ field, ...spec }: TextFieldSpec) => (
    <FormField
      key={field}
      id={field}
      {...spec}
      value={form.values[field]}
      error={form.errors[field]}
      onInput={(value) => form.setValue(field, value)}
      onBlur={() => form.blur(field)}
    />
  );
  return (
    <View className="card card--form" id={id}>
      {NAME_AND_MOBILE.map(textField)}
      <OptionGroup
        name="superAdminIdCardType"
        title="超管证件类型"
        layout="list"
        options={ID_TYPE_OPTIONS}
        value={form.values.superAdminIdCardType as SuperAdminIdCardType}
        error={form.errors.superAdminIdCardType}
        onChange={(value) => form.setValue('superAdminIdCardType', value)}
      />
      {textField(ID_NUMBER)}
      {mismatch ? (
        <View className="card__alert" ariaRole="alert">
          <Paragraph text={mismatch} />
        </View>
      ) : null}
    </View>
  );
}
